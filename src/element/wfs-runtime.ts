// What <twinby-wfs> loads on first use (a separate chunk): the WFS source and the view extent.
export { WfsSource } from '../core/sources/wfs-source.js';
export { viewExtent } from '../core/sources/view-extent.js';
