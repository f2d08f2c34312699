// @vitest-environment node
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The rooms' import rules (eslint.config.js, renderer/README.md) as lint applies them to a file at `file`:
 * the imports of `source` that the project's configuration refuses there.
 */
async function refusedImports(file: string, source: string): Promise<string[]> {
  const config = (await new ESLint().calculateConfigForFile(file)) as Linter.Config;
  const rule = config.rules?.['no-restricted-imports'];
  expect(rule).toBeDefined();
  const messages = new Linter({ configType: 'flat' }).verify(
    source,
    [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tseslint.parser },
        rules: { 'no-restricted-imports': rule },
      },
    ],
    { filename: file },
  );
  return messages.map((message) => /'([^']+)'/.exec(message.message)?.[1] ?? message.message);
}

const importsOf = (...paths: string[]) => paths.map((p) => `import '${p}';`).join('\n');

describe('renderer import boundaries', () => {
  it('a feature reaches entities and shared rooms, not app/ or another feature', async () => {
    const refused = await refusedImports(
      'renderer/src/features/deals/deals-page.tsx',
      importsOf(
        '../leads/leads-page',
        '../../app/app',
        '../../features/tickets/tickets-page',
        '../../entities/accounts/queries',
        '../../components/page-header',
        './components/deal-board',
        '../../app/startup',
        '../../platform/startup',
      ),
    );
    expect(refused).toEqual([
      '../leads/leads-page',
      '../../app/app',
      '../../features/tickets/tickets-page',
      '../../app/startup',
    ]);
  });

  it('a feature component one folder down is held to the same rule', async () => {
    const refused = await refusedImports(
      'renderer/src/features/deals/components/deal-board.tsx',
      importsOf('../../leads/leads-page', '../stage-gate', '../../../entities/deals/queries'),
    );
    expect(refused).toEqual(['../../leads/leads-page']);
  });

  it('an entity imports only the entities before it, and no feature', async () => {
    const refused = await refusedImports(
      'renderer/src/entities/accounts/components/account-picker.tsx',
      importsOf(
        '../../deals/queries',
        '../../members/queries',
        '../queries',
        '../../../features/accounts/accounts-page',
        '../../../hooks/use-workspace',
      ),
    );
    expect(refused).toEqual(['../../deals/queries', '../../../features/accounts/accounts-page']);
  });

  it('shared rooms import no entity, feature or app module', async () => {
    const refused = await refusedImports(
      'renderer/src/data/workspace.ts',
      importsOf(
        '../entities/accounts/queries',
        '../app/app',
        '@renderer/features/accounts/accounts-page',
        '../app/early-workspace',
        '../platform/startup',
        './repositories',
      ),
    );
    expect(refused).toEqual([
      '../entities/accounts/queries',
      '../app/app',
      '@renderer/features/accounts/accounts-page',
      '../app/early-workspace',
    ]);
  });

  it('shared rooms import only the rooms after them: components → hooks → data → platform → i18n', async () => {
    const fromData = await refusedImports(
      'renderer/src/data/team/team-sync.ts',
      importsOf(
        '../../components/error-messages',
        '../../hooks/use-workspace',
        '../../platform/log',
        '../../i18n',
        '../repositories',
      ),
    );
    expect(fromData).toEqual(['../../components/error-messages', '../../hooks/use-workspace']);
    const fromPlatform = await refusedImports(
      'renderer/src/platform/bridge.ts',
      importsOf('../data/session', '../components/page-header', './preferences', '../i18n'),
    );
    expect(fromPlatform).toEqual(['../data/session', '../components/page-header']);
    const fromComponents = await refusedImports(
      'renderer/src/components/page-header.tsx',
      importsOf('../hooks/use-workspace', '../data/session', '../platform/log', '../i18n'),
    );
    expect(fromComponents).toEqual([]);
  });
});
