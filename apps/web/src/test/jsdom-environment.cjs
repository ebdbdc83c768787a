/**
 * jsdom without the web platform pieces it lacks but the app uses (fetch's Response/Request/Headers,
 * TextEncoder, structuredClone): they are Node's own implementations, the same ones browsers follow.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class AppEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const g = this.global;
    for (const name of [
      'fetch',
      'Response',
      'Request',
      'Headers',
      'FormData',
      'AbortController',
      'AbortSignal',
      'TextEncoder',
      'TextDecoder',
      'structuredClone',
      'ReadableStream',
      'TransformStream',
      'BroadcastChannel',
    ]) {
      if (typeof globalThis[name] !== 'undefined' && typeof g[name] === 'undefined') g[name] = globalThis[name];
    }
  }
}

module.exports = AppEnvironment;
