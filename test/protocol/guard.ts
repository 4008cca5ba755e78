/**
 * Preloaded (`node --require`) into the server under test: any network use, or loading code
 * from outside the project (a workspace file, say), is reported on stderr, which the protocol
 * tests require to stay empty. The server must treat workspace files as data only.
 */
import * as path from 'node:path';

// The modules themselves (not import namespaces, whose properties cannot be redefined).
/* eslint-disable @typescript-eslint/no-require-imports */
const dns = require('node:dns') as typeof import('dns');
const http = require('node:http') as typeof import('http');
const https = require('node:https') as typeof import('https');
const net = require('node:net') as typeof import('net');
const tls = require('node:tls') as typeof import('tls');
/* eslint-enable @typescript-eslint/no-require-imports */

const project = path.resolve(__dirname, '..', '..', '..');

function violation(what: string): never {
  const message = `GUARD VIOLATION: ${what}`;
  process.stderr.write(message + '\n');
  throw new Error(message);
}

const block = (obj: object, name: string, label: string) => {
  Object.defineProperty(obj, name, { value: () => violation(`network: ${label}`), configurable: true, writable: true });
};
block(net, 'connect', 'net.connect');
block(net, 'createConnection', 'net.createConnection');
block(net.Socket.prototype, 'connect', 'socket.connect');
block(tls, 'connect', 'tls.connect');
block(http, 'request', 'http.request');
block(http, 'get', 'http.get');
block(https, 'request', 'https.request');
block(https, 'get', 'https.get');
block(dns, 'lookup', 'dns.lookup');
block(dns, 'resolve', 'dns.resolve');
if (typeof globalThis.fetch === 'function') block(globalThis, 'fetch', 'fetch');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module') as {
  _load: (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;
  _resolveFilename: (request: string, parent: unknown, isMain: boolean) => string;
  builtinModules: string[];
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (!Module.builtinModules.includes(request.replace(/^node:/, ''))) {
    const resolved = Module._resolveFilename(request, parent, isMain);
    if (!resolved.startsWith(project + path.sep)) violation(`code loaded from outside the project: ${resolved}`);
  }
  return load.call(this, request, parent, isMain);
};
