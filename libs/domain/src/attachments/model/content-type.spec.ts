import { sniffContentType, TEXT_PLAIN, TextContentCheck } from './content-type';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffContentType', () => {
  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['GIF89a', text('GIF89a\u0001\u0000'), 'image/gif'],
    ['GIF87a', text('GIF87a'), 'image/gif'],
    ['WebP', new Uint8Array([...text('RIFF'), 0x24, 0, 0, 0, ...text('WEBPVP8 ')]), 'image/webp'],
    ['PDF', text('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['UTF-8 text', text('Hello, wörld!\r\n\tindented\n'), TEXT_PLAIN],
    ['text with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...text('hi')]), TEXT_PLAIN],
  ])('recognises %s', (_label, head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it.each([
    ['ELF executable', new Uint8Array([0x7f, ...text('ELF'), 2, 1, 1, 0, 0, 0])],
    ['Windows executable', new Uint8Array([...text('MZ'), 0x90, 0, 3, 0])],
    ['ZIP archive', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0)],
    ['RIFF that is not WebP (WAV)', new Uint8Array([...text('RIFF'), 0x24, 0, 0, 0, ...text('WAVEfmt ')])],
    ['invalid UTF-8', bytes(0x68, 0x69, 0xc3, 0x28)],
    ['text with NUL', text('abc\u0000def')],
    ['text with ESC', text('\u001b[31mred')],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_label, head) => {
    expect(sniffContentType(head)).toBeNull();
  });
});

describe('TextContentCheck', () => {
  it('accepts a multi-byte character split across chunks', () => {
    const check = new TextContentCheck();
    const euro = text('€'); // three bytes
    expect(check.push(euro.subarray(0, 1))).toBe(true);
    expect(check.push(euro.subarray(1))).toBe(true);
    expect(check.end()).toBe(true);
  });

  it('refuses a file that ends inside a character', () => {
    const check = new TextContentCheck();
    expect(check.push(text('€').subarray(0, 2))).toBe(true);
    expect(check.end()).toBe(false);
  });

  it('refuses binary that follows a text start', () => {
    const check = new TextContentCheck();
    expect(check.push(text('looks like text'))).toBe(true);
    expect(check.push(bytes(0x00, 0x01, 0x02))).toBe(false);
  });
});
