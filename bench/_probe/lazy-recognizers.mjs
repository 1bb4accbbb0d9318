// esbuild plugin of `npm run build` (see scripts/build.mjs).

/**
 * botbuilder-dialogs loads Microsoft's text recognizers (number, date and time, choice, in a dozen
 * languages: 2.8 MB, a third of the bundle) when its prompts module is loaded, but only its
 * NumberPrompt, DateTimePrompt, ConfirmPrompt and ChoicePrompt call them, and this bot uses none of
 * them (its dialogs read German input with their own parsers). So they are left out of the bundle and
 * stood in for by a proxy that loads the real package from node_modules on first use: the start no
 * longer parses and runs them, and a prompt that does need them still works. `Culture` (string constants
 * that PromptCultureModels reads at load time) comes from the small base package.
 */
const LAZY_PACKAGES = /^@microsoft\/recognizers-text-(suite|date-time|number|choice)$/;

export const lazyRecognizers = {
  name: 'lazy-recognizers',
  setup(build) {
    build.onResolve({ filter: LAZY_PACKAGES }, (args) =>
      // The proxy's own require of the package stays a plain require from node_modules.
      args.namespace === 'lazy-recognizers' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-recognizers' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-recognizers' }, (args) => ({
      resolveDir: process.cwd(),
      contents: `
        let real;
        const load = () => (real ??= require(${JSON.stringify(args.path)}));
        const culture = ${args.path.endsWith('-suite') ? "() => require('@microsoft/recognizers-text').Culture" : 'undefined'};
        // "__esModule" without loading: TypeScript's __importStar then takes the proxy as it is.
        module.exports = new Proxy({}, {
          get: (_, key) => (key === '__esModule' ? true : key === 'Culture' && culture ? culture() : load()[key]),
          has: (_, key) => key in load(),
          ownKeys: () => Reflect.ownKeys(load()),
          getOwnPropertyDescriptor: (_, key) => {
            const descriptor = Object.getOwnPropertyDescriptor(load(), key);
            return descriptor && { ...descriptor, configurable: true };
          },
        });`,
    }));
  },
};
