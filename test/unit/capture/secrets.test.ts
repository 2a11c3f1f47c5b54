import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestLog, type CaptureEventBody } from '../../../src/capture/events.js';
import { argvSecrets, isSecretOptionName, MASK, Masker, maskerFor, MIN_SECRET_LENGTH, secretsOf } from '../../../src/capture/secrets.js';
import { StderrTail } from '../../../src/capture/stderr-tail.js';
import { httpEndpoint } from '../../../src/capture/transports.js';
import { UserError } from '../../../src/errors.js';

describe('secretsOf: what counts as a secret of a target', () => {
  it('every env value of a stdio server, and the values a client config substituted', () => {
    const values = secretsOf({ kind: 'stdio', command: 'node', args: ['server.js'], env: { API_KEY: 'k-123456', REGION: 'eu-west-1' }, secrets: ['from-config'] });
    expect(values).toEqual(expect.arrayContaining(['k-123456', 'eu-west-1', 'from-config']));
    expect(values).not.toContain('node');
    expect(values).not.toContain('server.js');
  });

  it('every header value, and the credential after the scheme', () => {
    const values = secretsOf({ kind: 'http', url: 'http://h/mcp', headers: { Authorization: 'Bearer tok-abcdef', 'X-Api-Key': 'key-987654' } });
    expect(values).toEqual(expect.arrayContaining(['Bearer tok-abcdef', 'tok-abcdef', 'key-987654']));
  });

  it('the user name, password, query values and fragment of the URL, decoded and as written', () => {
    const values = secretsOf({ kind: 'sse', url: 'https://alice:p%40ss-word@example.com/sse?token=t%2Bok-1&mode=fast#frag-ment' });
    expect(values).toEqual(expect.arrayContaining(['alice', 'p%40ss-word', 'p@ss-word', 't%2Bok-1', 't+ok-1', 'fast', 'frag-ment', Buffer.from('alice:p@ss-word').toString('base64')]));
    expect(values).not.toContain('example.com');
    expect(values).not.toContain('token');
  });
});

describe('Masker', () => {
  it('replaces every occurrence of every secret with ***', () => {
    const masker = new Masker(['s3cr3t-value', 'other-secret']);
    expect(masker.mask('a s3cr3t-value b other-secret c s3cr3t-value')).toBe(`a ${MASK} b ${MASK} c ${MASK}`);
  });

  it('replaces the longest secret first, so one that contains another is masked whole', () => {
    const masker = new Masker(['abcd', 'abcdefgh']);
    expect(masker.mask('xabcdefghx')).toBe(`x${MASK}x`);
  });

  it(`leaves values shorter than ${MIN_SECRET_LENGTH} characters and switches (true, false) alone`, () => {
    const masker = new Masker(['1', 'on', 'yes', 'true', 'FALSE']);
    expect(masker.empty).toBe(true);
    expect(masker.mask('connection on: yes, 1 true false')).toBe('connection on: yes, 1 true false');
  });

  it('finds a secret as JSON and URLs spell it', () => {
    const masker = new Masker(['pa"ss wo/rd']);
    expect(masker.mask(JSON.stringify({ value: 'pa"ss wo/rd' }))).toBe(`{"value":"${MASK}"}`);
    expect(masker.mask(`http://h/?k=${encodeURIComponent('pa"ss wo/rd')}`)).toBe(`http://h/?k=${MASK}`);
  });

  it('masks again when masking made a new secret out of the text around one', () => {
    const masker = new Masker(['b***', 'cccc']);
    expect(masker.mask('bcccc')).toBe(MASK);
  });

  it('masks strings and keys of a JSON value deeply, leaving other values', () => {
    const masker = new Masker(['tok-123456']);
    const value = { description: 'Uses tok-123456.', n: 1, list: ['tok-123456', true, null], nested: { 'tok-123456': 'x' } };
    expect(masker.maskDeep(value)).toEqual({ description: `Uses ${MASK}.`, n: 1, list: [MASK, true, null], nested: { [MASK]: 'x' } });
    expect(value.description).toBe('Uses tok-123456.');
  });

  it('masks the message, hint, detail and stack of an error, keeps its class, and drops its cause', () => {
    const error = new UserError('failed with tok-123456', { hint: 'check tok-123456', detail: 'tok-123456', cause: new Error('tok-123456') });
    const masked = new Masker(['tok-123456']).maskError(error);
    expect(masked).toBeInstanceOf(UserError);
    expect([masked.message, masked.hint, masked.detail, masked.stack]).not.toContainEqual(expect.stringContaining('tok-123456'));
    expect(masked.message).toBe(`failed with ${MASK}`);
    expect(masked.cause).toBeUndefined();
  });

  it('masks nothing when there are no secrets', () => {
    const masker = maskerFor({ kind: 'stdio', command: 'node', args: [] });
    const error = new Error('x');
    expect(masker.maskError(error)).toBe(error);
    expect(masker.mask('anything')).toBe('anything');
  });
});

describe('Masker, property: a secret embedded anywhere never survives', () => {
  const secret = fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 24, unit: 'grapheme-ascii' }).filter((value) => !['true', 'false', 'null', 'undefined', 'none'].includes(value.trim().toLowerCase()));
  const text = fc.string({ maxLength: 60, unit: 'grapheme-ascii' });

  it('in random text, once or many times, alone or with other secrets', () => {
    fc.assert(
      fc.property(fc.array(secret, { minLength: 1, maxLength: 4 }), fc.array(text, { minLength: 2, maxLength: 6 }), (secrets, pieces) => {
        const masker = new Masker(secrets);
        const joined = pieces.map((piece, index) => `${piece}${secrets[index % secrets.length]}`).join('');
        const masked = masker.mask(joined);
        for (const value of secrets) expect(masked).not.toContain(value);
        // Masking is done: a second pass changes nothing.
        expect(masker.mask(masked)).toBe(masked);
      }),
      { numRuns: 300 },
    );
  });

  it('in every string of a JSON value and in its serialised form', () => {
    fc.assert(
      fc.property(secret, text, text, (value, before, after) => {
        const masker = new Masker([value]);
        const document = { description: `${before}${value}${after}`, [`${value}`]: [before, value] };
        expect(JSON.stringify(masker.maskDeep(document))).not.toContain(JSON.stringify(value).slice(1, -1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('StderrTail masks what the server wrote', () => {
  it('in the lines it passes on and in its summary, when a secret arrives in pieces', () => {
    const masker = new Masker(['SECRET-TOKEN-1234']);
    const lines: string[] = [];
    const tail = new StderrTail(8192, (line) => lines.push(line), (text) => masker.mask(text));
    tail.push('env: API_KEY=SECRET-TO');
    tail.push('KEN-1234\nstill SECRET-');
    tail.push('TOKEN-1234 at the end');
    expect(lines).toEqual([`env: API_KEY=${MASK}`]);
    expect(tail.summary()).toBe(`env: API_KEY=${MASK} | still ${MASK} at the end`);
  });

  it('leaves no half secret where a long stderr is cut', () => {
    const secret = 'SECRET-TOKEN-1234';
    const masker = new Masker([secret]);
    const tail = new StderrTail(40, undefined, (text) => masker.mask(text));
    for (let i = 0; i < 50; i++) tail.push(`line ${i} ${secret}\n`);
    for (let max = 5; max < 60; max++) expect(tail.summary(max)).not.toMatch(/SECRET|TOKEN|1234/);
  });
});

describe('RequestLog: one event per request, without parameters', () => {
  it('times requests by id in both directions, reports errors, notifications, and requests left open', () => {
    const events: CaptureEventBody[] = [];
    const log = new RequestLog((event) => events.push(event), (text) => text.replaceAll('tok-123456', MASK));
    log.sent({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { clientInfo: { name: 'x' } } });
    log.received({ jsonrpc: '2.0', id: 1, result: {} });
    log.sent({ jsonrpc: '2.0', method: 'notifications/initialized' });
    log.sent({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { cursor: 'tok-123456' } });
    log.received({ jsonrpc: '2.0', id: 'server-1', method: 'roots/list' });
    log.sent({ jsonrpc: '2.0', id: 'server-1', error: { code: -32601, message: 'Method not found' } });
    log.received({ jsonrpc: '2.0', id: 2, error: { code: -32603, message: 'bad token tok-123456\nat db.js' } });
    log.sent({ jsonrpc: '2.0', id: 3, method: 'prompts/list', params: {} });
    log.closed();
    const shape = events.map((event) => (event.event === 'mcp.request' ? { ...event, latency_ms: typeof event.latency_ms } : event));
    expect(shape).toEqual([
      { event: 'mcp.request', direction: 'sent', method: 'initialize', id: 1, cursor: false, latency_ms: 'number', result: 'ok', error: null },
      { event: 'mcp.notification', direction: 'sent', method: 'notifications/initialized' },
      { event: 'mcp.request', direction: 'received', method: 'roots/list', id: 'server-1', cursor: false, latency_ms: 'number', result: 'error', error: 'Method not found', error_code: -32601 },
      { event: 'mcp.request', direction: 'sent', method: 'tools/list', id: 2, cursor: true, latency_ms: 'number', result: 'error', error: `bad token ${MASK} at db.js`, error_code: -32603 },
      { event: 'mcp.request', direction: 'sent', method: 'prompts/list', id: 3, cursor: false, latency_ms: 'number', result: 'error', error: 'no response before the connection ended' },
    ]);
    expect(JSON.stringify(events)).not.toContain('tok-123456');
  });
});

describe('httpEndpoint: URL credentials travel as a Basic Authorization header', () => {
  it('takes them out of the URL', () => {
    const { url, headers } = httpEndpoint({ url: 'http://alice:s%40cret@127.0.0.1:9/mcp?x=1' });
    expect(url.href).toBe('http://127.0.0.1:9/mcp?x=1');
    expect(headers).toEqual({ Authorization: `Basic ${Buffer.from('alice:s@cret').toString('base64')}` });
  });

  it('leaves an Authorization header given explicitly as it is', () => {
    const { url, headers } = httpEndpoint({ url: 'http://alice:pw@h/mcp', headers: { authorization: 'Bearer x' } });
    expect(url.href).toBe('http://h/mcp');
    expect(headers).toEqual({ authorization: 'Bearer x' });
  });
});

describe('a client config that is not JSON', () => {
  it('is reported without quoting its text, which may hold secrets', async () => {
    const { parseClientConfig } = await import('../../../src/capture/client-config.js');
    // V8 quotes a short text whole: `Unexpected token 'x', "x{"a":"tok-1"}" is not valid JSON`.
    for (const text of ['x{"a":"tok-1"}', 'x"literal-secret"', '{"mcpServers": {"a": {"env": {"K": "literal-secret"} x}}}']) {
      const error = (() => {
        try {
          parseClientConfig(text, { file: '.mcp.json', serverName: 'a', env: {} });
        } catch (thrown) {
          return thrown as Error;
        }
        return undefined;
      })();
      expect(error?.message).toMatch(/^Client config \.mcp\.json is not valid JSON: /);
      expect(error?.message).not.toMatch(/literal-secret|tok-1/);
    }
  });
});

describe("argvSecrets: the server's own options whose name says they hold a secret", () => {
  it('finds --name=value, --name value, Go-style -name value and env-style NAME=value', () => {
    const args = ['server.js', '--api-key=k-equals-1', '--token', 't-next-22', '-password', 'p-go-333', 'MY_API_KEY=env-style-4', '--authToken=camel-55', '--client_secret', 'snake-666'];
    expect(argvSecrets(args)).toEqual([
      { option: '--api-key', value: 'k-equals-1' },
      { option: '--token', value: 't-next-22' },
      { option: '-password', value: 'p-go-333' },
      { option: 'MY_API_KEY', value: 'env-style-4' },
      { option: '--authToken', value: 'camel-55' },
      { option: '--client_secret', value: 'snake-666' },
    ]);
  });

  it.each(['key', 'token', 'secret', 'password', 'passwd', 'auth', 'credential', 'credentials', 'bearer', 'apikey', 'api-key', 'access-key', 'private', 'private-key', 'accessToken', 'DB_PASSWORD', 'pwd'])('%s names a secret', (name) => {
    expect(isSecretOptionName(name)).toBe(true);
  });

  it.each(['keyword', 'author', 'monkey', 'tokenizer', 'port', 'verbose', 'passage', 'authority-url', 'keyboard-layout'])('%s does not', (name) => {
    expect(isSecretOptionName(name)).toBe(false);
  });

  it('leaves a one-letter option, an option followed by another option, and an empty value alone', () => {
    expect(argvSecrets(['-k', 'short-opt-1', '--token', '--verbose', '--api-key=', 'server.js'])).toEqual([]);
  });

  it('makes the values secrets of a stdio target, masked wherever the target is shown', () => {
    const target = { kind: 'stdio' as const, command: 'node', args: ['server.js', '--api-key=XYZ-123456', '--token', 'tok-abcdef'] };
    const masker = maskerFor(target);
    expect(masker.mask(target.args.join(' '))).toBe(`server.js --api-key=${MASK} --token ${MASK}`);
    expect(secretsOf(target)).not.toContain('server.js');
  });
});
