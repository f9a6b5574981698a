// `import path from './file?modulePath'`: the bundler (electron-vite for the
// app, the test config's stand-in under vitest) builds that module as its own
// file and hands back its path, for `new Worker(path)`.
declare module '*?modulePath' {
  const path: string;
  export default path;
}
