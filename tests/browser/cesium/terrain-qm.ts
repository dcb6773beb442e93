// The quantized-mesh terrain cases of terrain-qm-cases.ts on a <twinby-viewer engine="cesium">.
import { describeQuantizedTerrain } from '../terrain-qm-cases.js';

describeQuantizedTerrain('cesium');
