// What <twinby-wfs> loads on first use (a separate chunk): the view's extent. The source itself runs in the data worker.
export { viewExtent } from '../core/sources/view-extent.js';
