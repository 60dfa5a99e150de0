// Flat config. The module-boundary rule and the per-folder import bans below encode the layering
// rules written down in docs/architecture.md ("Rules that lint enforces"); `npm run lint` fails
// the build when they are broken.
import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

const testingForSpecsOnly = { name: '@primetrade/testing', message: 'The testing library is for specs only.' };
/** The domain's bounded contexts (libs/domain/src/<context>); `shared` is the kernel every context may use. */
const contexts = ['identity', 'tasks', 'notifications', 'attachments', 'calendar', 'webhooks'];
const drivers = ['mongoose', 'ioredis', 'bullmq', 'better-sqlite3', 'fastify', 'nodemailer', 'express'];

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.angular', 'libs/api-client/**', 'tmp/**', 'artifacts/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // Domain specs use the testing library, which implements the domain's ports: a cycle
          // in tests only (the testing library is banned from non-spec files below).
          ignoredCircularDependencies: [['domain', 'testing']],
          // The composition root imports the technology-neutral entry point statically and each
          // technology's entry point (@primetrade/infrastructure/sqlite, /mongo, …) on demand.
          checkDynamicDependenciesExceptions: ['infrastructure'],
          depConstraints: [
            {
              sourceTag: 'layer:domain',
              onlyDependOnLibsWithTags: ['layer:domain', 'layer:testing'],
              bannedExternalImports: [
                ...drivers,
                '@nestjs/platform-*',
                '@nestjs/mongoose',
                '@nestjs/bullmq',
                '@nestjs/swagger',
                '@nestjs/config',
                '@nestjs/jwt',
                '@nestjs/passport',
                '@angular/*',
              ],
            },
            {
              sourceTag: 'layer:infrastructure',
              onlyDependOnLibsWithTags: ['layer:domain', 'layer:testing'],
              bannedExternalImports: ['@angular/*'],
            },
            { sourceTag: 'layer:app', onlyDependOnLibsWithTags: ['layer:domain', 'layer:infrastructure', 'layer:testing'] },
            { sourceTag: 'layer:testing', onlyDependOnLibsWithTags: ['layer:domain'], bannedExternalImports: ['@angular/*'] },
            { sourceTag: 'layer:sdk', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'layer:web', onlyDependOnLibsWithTags: ['layer:sdk'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain model is pure TypeScript: no framework, no driver, no Node built-in I/O.
    files: ['libs/domain/src/**/model/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', '@primetrade/*', 'node:*', 'rxjs', ...drivers],
              message: 'The domain model imports nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // Application: model, ports and @nestjs/cqrs / @nestjs/common only.
    files: ['libs/domain/src/**/application/**/*.ts', 'libs/domain/src/**/ports/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', '!@nestjs/cqrs', '!@nestjs/common', '@primetrade/*', ...drivers],
              message: 'Application code uses model, ports and @nestjs/cqrs or @nestjs/common only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Test support is for specs: production code never imports the testing library.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**', 'libs/testing/**', 'apps/web/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [testingForSpecsOnly] }] },
  },
  // Bounded contexts meet only through each other's index.ts (their public surface).
  ...contexts.map((context) => ({
    files: [`libs/domain/src/${context}/**/*.ts`],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [testingForSpecsOnly],
          patterns: [
            {
              regex: `^(\\.\\./)+(${contexts.filter((other) => other !== context).join('|')})/`,
              message: 'Import another context through its index.ts only.',
            },
          ],
        },
      ],
    },
  })),
  {
    // Type-aware rules: a forgotten await or a promise passed where a callback is expected is a
    // lint error, not a `void` written by hand.
    files: ['apps/api/**/*.ts', 'libs/domain/**/*.ts', 'libs/infrastructure/**/*.ts', 'libs/testing/**/*.ts', 'apps/web/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Angular: component rules on the TypeScript side, template rules (with the accessibility
    // set) on the HTML side, inline templates included.
    files: ['apps/web/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'pt', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'pt', style: 'camelCase' }],
    },
  },
  {
    files: ['apps/web/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
);
