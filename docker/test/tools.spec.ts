// The guarantee behind every suite here: a missing Debian tool fails loudly, naming its package.
import { requireTool } from './support/tools';

describe('requireTool', () => {
  it('fails with the Debian package to install when a tool is missing', () => {
    expect(() => requireTool('primetrade-no-such-tool', 'primetrade-pkg')).toThrow(
      /primetrade-no-such-tool is not installed: run "apt-get install -y primetrade-pkg".*\.ci\/apt-packages\.txt/,
    );
  });

  it('finds tools in sbin directories too (nginx lives in /usr/sbin)', () => {
    expect(requireTool('sh', 'dash')).toMatch(/\/sh$/);
  });
});
