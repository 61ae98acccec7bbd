// Preloaded into the built bot by double-loading.test.ts (NODE_OPTIONS=--import): one line on
// stderr when anything resolves the Discord double's package, whatever imported it.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    if (specifier === '@roboshpee/discord-double') {
      process.stderr.write(`discord-double loaded: ${resolved.url}\n`);
    }
    return resolved;
  },
});
