import { describeEngineContract } from '../engine-contract.js';
import { CesiumEngine } from '../../../src/engines/cesium/index.js';

describeEngineContract('cesium', () => new CesiumEngine());
