import * as ohm from 'ohm-js';

/*
 * The filter language's grammar (ohm-js: a PEG with left recursion, error positions and the
 * expected terminals at the rightmost failure, CommonJS build, no code generation step).
 * Upper-case rules skip spaces between their parts; lower-case (lexical) rules do not.
 * Keywords are case-insensitive and end at a word boundary, so `order` is a word, not `or`.
 */
export const TASK_FILTER_GRAMMAR = ohm.grammar(String.raw`
TaskFilter {
  Filter = Or

  Or = Or or And  -- or
     | And
  And = And and Not  -- and
      | Not
  Not = not Not  -- not
      | Primary
  Primary = "(" Or ")"  -- paren
          | field is not null  -- notNull
          | field is null  -- null
          | field operator Value  -- compare

  Value = Relative | date | string | word
  Relative = relativeBase RelativeOffset?
  RelativeOffset = sign duration

  field (a field name) = ~keyword letter (alnum | "_")*
  operator (an operator) = "<=" | ">=" | "!=" | "!~" | "=" | "<" | ">" | "~"

  string (a quoted string) = "\"" stringChar* "\""
  stringChar = "\\" any  -- escaped
             | ~"\"" ~"\\" any  -- plain

  date (a date) = digit digit digit digit "-" digit digit "-" digit digit time?
  time = "T" digit digit ":" digit digit seconds? zone?
  seconds = ":" digit digit fraction?
  fraction = "." digit+
  zone = "Z"  -- utc
       | ("+" | "-") digit digit ":" digit digit  -- offset

  relativeBase = (caseInsensitive<"now"> | caseInsensitive<"today">) ~wordChar
  sign = "+" | "-"
  duration (a duration like 3d) = digit+ ("h" | "d" | "w") ~wordChar

  word (a value) = ~keyword wordChar+
  wordChar = alnum | "_" | "-" | "."

  keyword = (and | or | not | is | null)
  and = caseInsensitive<"and"> ~wordChar
  or = caseInsensitive<"or"> ~wordChar
  not = caseInsensitive<"not"> ~wordChar
  is = caseInsensitive<"is"> ~wordChar
  null = caseInsensitive<"null"> ~wordChar
}
`);
