// Flat config. The module-boundary rule and the per-folder import bans below encode the
// layering rules of ARCHITECTURE.md; `npm run lint` fails the build when they are broken.
import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

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
          depConstraints: [
            {
              sourceTag: 'layer:domain',
              onlyDependOnLibsWithTags: ['layer:domain'],
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
            { sourceTag: 'layer:infrastructure', onlyDependOnLibsWithTags: ['layer:domain'], bannedExternalImports: ['@angular/*'] },
            { sourceTag: 'layer:app', onlyDependOnLibsWithTags: ['layer:domain', 'layer:infrastructure'] },
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
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/contract/**/*.ts', '**/testing/**/*.ts'],
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
