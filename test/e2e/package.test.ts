// What `npm run build` ships besides the drop-in: the manifest that the tables in docs/site-owners.md must match, the
// package's exports, and the self-contained relay (built by another transpiler than the tests use).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Declaration {
  tagName?: string;
  attributes: { name: string; fieldName?: string; description?: string }[];
  members: { kind: string; name: string; privacy?: string; static?: boolean; description?: string }[];
  events: { name: string }[];
  cssParts: { name: string }[];
  cssProperties: { name: string }[];
  slots: { name: string }[];
}

const manifest = JSON.parse(read('custom-elements.json')) as { modules: { declarations: Declaration[] }[] };
const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'vitec-lead-form')!;
const readme = read('docs/site-owners.md');

/** The backticked names in the first column of the table in docs/site-owners.md under `heading` whose header starts with `column`. */
function tableNames(column: string): string[] {
  const table = readme
    .split('\n## ')
    .flatMap((section) => section.split('\n\n'))
    .find((block) => block.trimStart().startsWith(`| ${column} |`));
  assert.ok(table, `a table in docs/site-owners.md headed "${column}"`);
  return table
    .split('\n')
    .slice(2)
    .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

const sorted = (names: string[]) => [...new Set(names)].sort();

describe('custom-elements.json and docs/site-owners.md', () => {
  it('should describe the element under its tag', () => assert.ok(element));

  it('should list the same attributes as the site owners attribute table', () => {
    assert.deepEqual(sorted(tableNames('attribute')), sorted(element.attributes.map((a) => a.name)));
  });

  it('should list the same events, parts, custom properties and slots as the site owners attribute tables', () => {
    assert.deepEqual(sorted(tableNames('event')), sorted(element.events.map((e) => e.name)));
    assert.deepEqual(sorted(tableNames('part')), sorted(element.cssParts.map((p) => p.name)));
    assert.deepEqual(sorted(tableNames('custom property')), sorted(element.cssProperties.map((p) => p.name)));
    assert.deepEqual(sorted(tableNames('slot')), sorted(element.slots.map((s) => s.name)));
  });

  it('should document every public property and attribute, the version and reset()', () => {
    const isPublic = (m: Declaration['members'][number]) =>
      m.privacy !== 'private' && m.privacy !== 'protected' && m.name !== 'styles';
    const members = element.members.filter(isPublic);
    for (const member of members) assert.ok(member.description?.trim(), `${member.name} has a description`);
    for (const attribute of element.attributes) {
      assert.ok(attribute.description?.trim(), `${attribute.name} has a description`);
      assert.ok(
        members.some((m) => m.name === attribute.fieldName),
        `${attribute.name} is the property ${attribute.fieldName}`,
      );
    }
    for (const name of ['version', 'reset', 'marketing'])
      assert.ok(
        members.some((m) => m.name === name),
        name,
      );
  });
});

describe('the package', () => {
  const pkg = JSON.parse(read('package.json')) as {
    exports: Record<string, string | Record<string, string>>;
    types: string;
    customElements: string;
  };

  it('should point every export at a file the build wrote', () => {
    for (const target of Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))) {
      assert.ok(existsSync(new URL(target, root)), target);
    }
    assert.ok(existsSync(new URL(pkg.types, root)));
    assert.ok(existsSync(new URL(pkg.customElements, root)));
  });

  it('should ship a self-contained relay that works against the shipped mock', async () => {
    const relaySource = read('dist/server/relay.js');
    assert.doesNotMatch(relaySource, /^import\s/m, 'nothing imported');
    const { createLeadRelay } = (await import(
      new URL('dist/server/relay.js', root).href
    )) as typeof import('../../src/server/relay.ts');
    const { createMockVitec } = (await import(
      new URL('dist/server/mock-vitec.js', root).href
    )) as typeof import('../../src/server/mock/mock-vitec.ts');
    const mock = createMockVitec({ credentials: { username: 'u', password: 'p' } });
    const relay = createLeadRelay({
      vitecBaseUrl: 'https://vitec.test',
      username: 'u',
      password: 'p',
      customerIds: ['C1'],
      allowedOrigins: ['https://m.se'],
      log: () => undefined,
      fetch: (input, init) => mock(new Request(input, init)),
    });
    const response = await relay(
      new Request('https://relay.test/PublicAdvertising/C1/Contact/Person/Lead', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://m.se' },
        body: JSON.stringify({
          person: { firstName: 'A', lastName: 'B', socialSecurityNumber: '9001010017' },
          leadSource: { leadType: 'AcceptObjectFlow', name: 'x' },
        }),
      }),
    );
    assert.equal(response.status, 200);
    assert.equal(await response.json(), mock.leads[0]!.id);
    assert.equal(
      (mock.leads[0]!.lead.person as { socialSecurityNumber: string }).socialSecurityNumber,
      '19900101-0017',
    );
  });
});

describe('the built relay command (bin vitec-lead-relay)', () => {
  it('should start from a symlink as npm links a bin, and answer /healthz', async () => {
    const { mkdtempSync, symlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawn } = await import('node:child_process');
    const link = `${mkdtempSync(`${tmpdir()}/bin-`)}/vitec-lead-relay`;
    symlinkSync(new URL('dist/server/node.js', root).pathname, link);
    const child = spawn(process.execPath, [link], {
      env: {
        PATH: process.env.PATH,
        VITEC_USERNAME: 'u',
        VITEC_PASSWORD: 'p',
        VITEC_CUSTOMER_IDS: 'C1',
        ALLOWED_ORIGINS: 'https://m.se',
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /"listen":"([^"]+)"/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const health = await fetch(`http://${address}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
