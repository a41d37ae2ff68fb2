declare const __WARRANT_VERSION__: string | undefined;

/** Set by esbuild from package.json; `0.0.0-dev` when run from sources. */
export const VERSION: string = typeof __WARRANT_VERSION__ === 'string' ? __WARRANT_VERSION__ : '0.0.0-dev';
