// The quantized-mesh terrain cases on three (Cesium runs them from cesium.test.ts, which loads Cesium once).
import { describeQuantizedTerrain } from './terrain-qm-cases.js';

describeQuantizedTerrain('three');
