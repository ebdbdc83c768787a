/**
 * jsdom without the web platform pieces it lacks but the app uses (fetch's Response/Request/Headers,
 * TextEncoder, structuredClone): they are Node's own implementations, the same ones browsers follow.
 * AbortController/AbortSignal are Node's too, replacing jsdom's: Node's Request refuses a jsdom
 * signal ("Expected signal to be an instance of AbortSignal"), and the API client builds a Request
 * with react-query's signal, as a browser does with its own.
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
    // one family with fetch and Request (see above)
    g.AbortController = globalThis.AbortController;
    g.AbortSignal = globalThis.AbortSignal;
  }
}

module.exports = AppEnvironment;
