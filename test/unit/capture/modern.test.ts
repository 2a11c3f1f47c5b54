import { describe, expect, it } from 'vitest';
import { needsModernProtocol } from '../../../src/capture/modern.js';

function error(message: string, code?: number): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe('needsModernProtocol: when initialize failed because the server speaks only 2026-07-28', () => {
  it.each([
    [error('Unsupported protocol version: 2025-11-25', -32022), true],
    [error('Streamable HTTP error: Error POSTing to endpoint: {"jsonrpc":"2.0","id":0,"error":{"code":-32022,"message":"x"}}', 400), true],
    [error("Server's protocol version is not supported: 2026-07-28"), true],
    [error("Server's protocol version is not supported: 1.0"), false],
    [error('Streamable HTTP error: Error POSTing to endpoint: bad request', 400), false],
    [error('MCP error -32601: Method not found', -32601), false],
    [error('Connection closed', -32000), false],
  ])('%s -> %s', (failure, expected) => {
    expect(needsModernProtocol(failure)).toBe(expected);
  });
});
