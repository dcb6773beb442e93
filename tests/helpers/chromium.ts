/**
 * Debian's Chromium as every test layer and benchmark starts it: off the (closed) network, WebGL through
 * SwiftShader. Never disable the software rasterizer: WebGL needs it.
 */
export const chromiumPath = process.env.TWINBY_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
