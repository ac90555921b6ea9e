'use strict';
/**
 * Test preload that refuses every network connection leaving this machine. Loaded into the mocha
 * process by test/setup/no-network.ts and, through NODE_OPTIONS=--require, into every node process the
 * tests spawn (the language server, the CLI), so "no network access anywhere" is checked, not assumed.
 *
 * Blocked: TCP/TLS connects (net.Socket#connect, which http, https, tls, http2 and fetch use) and UDP
 * sends to anything but loopback, and DNS lookups of names other than localhost. Allowed: loopback
 * addresses, `localhost`, and local sockets/pipes (the LSP's node-ipc). A blocked attempt fails the way a
 * refused connection fails (an 'error' event / a rejected lookup, code EMIIT95_NETWORK_BLOCKED), is
 * recorded in-process, and is appended to the file named by MIIT95_NETWORK_LOG, so the test run can
 * assert afterwards that nothing even tried. Plain JavaScript: the spawned processes have no tsx.
 */
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');
const fs = require('node:fs');

const BLOCKED_CODE = 'EMIIT95_NETWORK_BLOCKED';
const STATE = Symbol.for('miit95.networkBlock');

/** True for a host that stays on this machine (an absent host means localhost to node). */
function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true;
  const h = String(host).toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.') || h === '0.0.0.0';
  if (net.isIPv6(h)) return h === '::1' || h === '::' || /^(0+:){7}0*1$/.test(h) || /^::ffff:127\./.test(h);
  return false;
}

function blockedError(what) {
  const error = new Error(`miit95 tests: network access blocked (${what})`);
  error.code = BLOCKED_CODE;
  return error;
}

function install() {
  const state = { attempts: [] };
  globalThis[STATE] = state;
  const record = (what) => {
    state.attempts.push(what);
    const log = process.env.MIIT95_NETWORK_LOG;
    if (log) {
      try {
        fs.appendFileSync(log, `${process.pid} ${what}\n`);
      } catch {
        // The log is a courtesy; the error itself still reaches the caller.
      }
    }
  };

  /** Where a connect goes, from any of net.Socket#connect's call shapes. */
  const targetOf = (args) => {
    let first = args[0];
    if (Array.isArray(first)) first = first[0]; // net.connect passes normalized [options, callback]
    if (first !== null && typeof first === 'object') {
      if (first.path !== undefined && first.path !== null) return { local: true };
      return { host: first.host ?? first.hostname, port: first.port };
    }
    if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)))
      return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first };
    if (typeof first === 'string') return { local: true }; // a pipe or Unix socket path
    return { host: undefined };
  };

  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function connect(...args) {
    const target = targetOf(args);
    if (target.local || isLoopback(target.host)) return originalConnect.apply(this, args);
    const what = `connect ${String(target.host)}:${String(target.port)}`;
    record(what);
    const error = blockedError(what);
    process.nextTick(() => this.destroy(error));
    return this;
  };

  const wrapLookup = (original, promise) =>
    function lookup(hostname, ...rest) {
      if (isLoopback(hostname)) return original.call(this, hostname, ...rest);
      const what = `dns ${String(hostname)}`;
      record(what);
      const error = blockedError(what);
      if (promise) return Promise.reject(error);
      const callback = rest.find((a) => typeof a === 'function');
      if (callback) process.nextTick(() => callback(error));
      return undefined;
    };
  const names = (object) =>
    Object.keys(object).filter((k) => k === 'lookup' || k === 'lookupService' || /^resolve/.test(k));
  for (const name of names(dns)) if (typeof dns[name] === 'function') dns[name] = wrapLookup(dns[name], false);
  for (const name of names(dns.promises))
    if (typeof dns.promises[name] === 'function') dns.promises[name] = wrapLookup(dns.promises[name], true);
  for (const [Resolver, promise] of [
    [dns.Resolver, false],
    [dns.promises.Resolver, true],
  ]) {
    for (const name of Object.getOwnPropertyNames(Resolver.prototype).filter((k) => /^resolve|^reverse/.test(k)))
      Resolver.prototype[name] = wrapLookup(Resolver.prototype[name], promise);
  }

  for (const method of ['send', 'connect']) {
    const original = dgram.Socket.prototype[method];
    dgram.Socket.prototype[method] = function (...args) {
      // send(msg, [offset, length,] port, address, cb) / connect(port, address, cb): the address is the
      // first string after the first argument (msg may itself be a string).
      const address = (method === 'send' ? args.slice(1) : args).find((a) => typeof a === 'string');
      if (isLoopback(address)) return original.apply(this, args);
      const what = `udp ${method} ${String(address)}`;
      record(what);
      const error = blockedError(what);
      const callback = args.find((a) => typeof a === 'function');
      process.nextTick(() => (callback ? callback(error) : this.emit('error', error)));
      return undefined;
    };
  }
  return state;
}

const state = globalThis[STATE] ?? install();

module.exports = {
  BLOCKED_CODE,
  isLoopback,
  /** The attempts blocked in this process so far (a live array). */
  attempts: state.attempts,
};
