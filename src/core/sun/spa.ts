/**
 * NREL Solar Position Algorithm (Reda & Andreas 2004, "Solar position algorithm for solar radiation
 * applications", Solar Energy 76(5); NREL/TP-560-34302 rev. 2008), implemented from the paper's
 * equations: topocentric zenith and azimuth to ±0.0003° for the years −2000…6000.
 * Section numbers in the comments are the paper's (3.1 … 3.14).
 */
import { B_TERMS, L_TERMS, NUTATION_TERMS, R_TERMS } from './spa-tables.js';

export interface SpaInput {
  /** The instant (UTC), as a Date or epoch milliseconds. */
  date: Date | number;
  /** Observer latitude and longitude in degrees (east positive), elevation in metres. */
  lat: number;
  lon: number;
  elevation?: number;
  /** Mean annual local pressure in millibars (default 1013.25) and temperature in °C (default 12), for refraction. */
  pressure?: number;
  temperature?: number;
  /** TT − UT in seconds (default: the Espenak–Meeus polynomial for the year). */
  deltaT?: number;
  /** UT1 − UTC in seconds (default 0). */
  deltaUt1?: number;
}

export interface SpaResult {
  /** Topocentric zenith angle with refraction, degrees. */
  zenith: number;
  /** Topocentric azimuth, degrees clockwise from north (the paper's Φ). */
  azimuth: number;
  /** 90 − zenith: apparent elevation above the horizon, refraction included. */
  elevation: number;
  /** Topocentric elevation without refraction (the paper's e0), degrees. */
  trueElevation: number;
  /** Julian day (UT) of the instant. */
  jd: number;
}

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** ΔT = TT − UT in seconds (Espenak & Meeus 2006 polynomials, 1986–2150); good to about a second now. */
export function deltaTSeconds(year: number): number {
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

function limit360(degrees: number): number {
  const d = degrees % 360;
  return d < 0 ? d + 360 : d;
}

function series(terms: readonly (readonly number[])[], jme: number): number {
  let total = 0;
  let power = 1;
  for (const row of terms) {
    let sum = 0;
    for (let i = 0; i < row.length; i += 3) sum += row[i] * Math.cos(row[i + 1] + row[i + 2] * jme);
    total += sum * power;
    power *= jme;
  }
  return total / 1e8;
}

/** Solar position for one instant and place. */
export function spa(input: SpaInput): SpaResult {
  const ms = typeof input.date === 'number' ? input.date : input.date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('spa: the date is not a valid instant');
  if (!(Math.abs(input.lat) <= 90) || !(Math.abs(input.lon) <= 180)) {
    throw new RangeError(`spa: latitude ${input.lat} / longitude ${input.lon} out of range`);
  }
  const elevation = input.elevation ?? 0;
  const pressure = input.pressure ?? 1013.25;
  const temperature = input.temperature ?? 12;
  const year = new Date(ms).getUTCFullYear();
  const deltaT = input.deltaT ?? deltaTSeconds(year);

  // 3.1 Julian day (UT) from the Unix epoch (JD 2440587.5), then ephemeris day, century, millennium
  const jd = 2440587.5 + (ms / 1000 + (input.deltaUt1 ?? 0)) / 86400;
  const jc = (jd - 2451545) / 36525;
  const jde = jd + deltaT / 86400;
  const jce = (jde - 2451545) / 36525;
  const jme = jce / 10;

  // 3.2 Earth heliocentric longitude, latitude (degrees) and radius vector (AU)
  const l = limit360(series(L_TERMS, jme) * DEG);
  const b = series(B_TERMS, jme) * DEG;
  const r = series(R_TERMS, jme);

  // 3.3 geocentric longitude and latitude
  const theta = limit360(l + 180);
  const beta = -b;

  // 3.4 nutation in longitude and obliquity
  const x0 = 297.85036 + 445267.11148 * jce - 0.0019142 * jce ** 2 + jce ** 3 / 189474;
  const x1 = 357.52772 + 35999.05034 * jce - 0.0001603 * jce ** 2 - jce ** 3 / 300000;
  const x2 = 134.96298 + 477198.867398 * jce + 0.0086972 * jce ** 2 + jce ** 3 / 56250;
  const x3 = 93.27191 + 483202.017538 * jce - 0.0036825 * jce ** 2 + jce ** 3 / 327270;
  const x4 = 125.04452 - 1934.136261 * jce + 0.0020708 * jce ** 2 + jce ** 3 / 450000;
  let dPsi = 0;
  let dEps = 0;
  for (let i = 0; i < NUTATION_TERMS.length; i += 9) {
    const t = NUTATION_TERMS;
    const arg = (t[i] * x0 + t[i + 1] * x1 + t[i + 2] * x2 + t[i + 3] * x3 + t[i + 4] * x4) * RAD;
    dPsi += (t[i + 5] + t[i + 6] * jce) * Math.sin(arg);
    dEps += (t[i + 7] + t[i + 8] * jce) * Math.cos(arg);
  }
  dPsi /= 36e6;
  dEps /= 36e6;

  // 3.5 true obliquity of the ecliptic (U = JME / 10)
  const u = jme / 10;
  const eps0 =
    84381.448 +
    u * (-4680.93 + u * (-1.55 + u * (1999.25 + u * (-51.38 + u * (-249.67 + u * (-39.05 + u * (7.12 + u * (27.87 + u * (5.79 + u * 2.45)))))))));
  const eps = eps0 / 3600 + dEps;

  // 3.6–3.7 aberration correction and apparent sun longitude
  const lambda = theta + dPsi - 20.4898 / (3600 * r);

  // 3.8 apparent sidereal time at Greenwich
  const nu0 = limit360(280.46061837 + 360.98564736629 * (jd - 2451545) + 0.000387933 * jc * jc - jc ** 3 / 38710000);
  const nu = nu0 + dPsi * Math.cos(eps * RAD);

  // 3.9–3.10 geocentric right ascension and declination
  const lr = lambda * RAD;
  const er = eps * RAD;
  const br = beta * RAD;
  const alpha = limit360(Math.atan2(Math.sin(lr) * Math.cos(er) - Math.tan(br) * Math.sin(er), Math.cos(lr)) * DEG);
  const delta = Math.asin(Math.sin(br) * Math.cos(er) + Math.cos(br) * Math.sin(er) * Math.sin(lr));

  // 3.11 observer local hour angle
  const h = limit360(nu + input.lon - alpha) * RAD;

  // 3.12 topocentric right ascension and declination (parallax)
  const xi = (8.794 / (3600 * r)) * RAD;
  const phi = input.lat * RAD;
  const uu = Math.atan(0.99664719 * Math.tan(phi));
  const x = Math.cos(uu) + (elevation / 6378140) * Math.cos(phi);
  const y = 0.99664719 * Math.sin(uu) + (elevation / 6378140) * Math.sin(phi);
  const dAlpha = Math.atan2(-x * Math.sin(xi) * Math.sin(h), Math.cos(delta) - x * Math.sin(xi) * Math.cos(h));
  const deltaP = Math.atan2((Math.sin(delta) - y * Math.sin(xi)) * Math.cos(dAlpha), Math.cos(delta) - x * Math.sin(xi) * Math.cos(h));

  // 3.13 topocentric local hour angle
  const hp = h - dAlpha;

  // 3.14 topocentric zenith angle, refraction applied only while the sun is above the refracted horizon
  const e0 = Math.asin(Math.sin(phi) * Math.sin(deltaP) + Math.cos(phi) * Math.cos(deltaP) * Math.cos(hp)) * DEG;
  const dE =
    e0 >= -(0.26667 + 0.5667)
      ? (pressure / 1010) * (283 / (273 + temperature)) * (1.02 / (60 * Math.tan((e0 + 10.3 / (e0 + 5.11)) * RAD)))
      : 0;
  const e = e0 + dE;

  // 3.15 topocentric azimuth, from north eastward
  const gamma = Math.atan2(Math.sin(hp), Math.cos(hp) * Math.sin(phi) - Math.tan(deltaP) * Math.cos(phi)) * DEG;
  const azimuth = limit360(gamma + 180);
  return { zenith: 90 - e, azimuth, elevation: e, trueElevation: e0, jd };
}
