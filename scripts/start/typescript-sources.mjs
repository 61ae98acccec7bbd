/**
 * Lets Node run bot/src as it is (Node 24 strips the types itself): the sources import each
 * other by their compiled names (`./section.js`, as TypeScript's NodeNext resolution wants),
 * so a relative `.js` that does not exist is looked for as the `.ts` beside it. Used by
 * `npm start` and `npm run demo` for the configuration check that runs before the build.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !relative || !specifier.endsWith('.js')) {
        throw error;
      }
      return nextResolve(`${specifier.slice(0, -'.js'.length)}.ts`, context);
    }
  },
});
