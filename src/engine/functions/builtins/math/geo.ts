/**
 * GEO_DISTANCE(lat1, lon1, lat2, lon2[, unit]): the great-circle distance between two points
 * given in decimal degrees, by the haversine formula on a sphere of radius 6371 km or 3959 miles
 * (ksqlDB's GeoDistance UDF). The unit is case-insensitive and trimmed: 'mi', 'mile', 'miles',
 * 'km', 'kilometer(s)', 'kilometre(s)'; NULL or blank means kilometres. An out-of-range
 * coordinate or an unknown unit fails the row (NULL).
 */
import type { FunctionRegistry } from '../../function-registry.js';
import { javaCos, javaSin } from './java-math.js';

const EARTH_RADIUS_KM = 6371;
const EARTH_RADIUS_MILES = 3959;
const MILES = new Set(['mi', 'mile', 'miles']);
const KILOMETRES = new Set(['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres']);

function radiusFor(unit: string | null): number {
  const u = unit?.trim().toLowerCase() ?? '';
  if (u === '' || KILOMETRES.has(u)) return EARTH_RADIUS_KM;
  if (MILES.has(u)) return EARTH_RADIUS_MILES;
  throw new Error(`GeoDistance function units parameter must be one of ${[...MILES, ...KILOMETRES].join(', ')}.`);
}

export function registerGeoDistance(r: FunctionRegistry, degreesToRadians: number): void {
  const haversin = (v: number): number => {
    const s = javaSin(v / 2);
    return s * s; // Math.pow(s, 2) in Java, which is s * s
  };
  const distance = (lat1: number, lon1: number, lat2: number, lon2: number, unit: string | null): number => {
    if (lat1 < -90 || lat2 < -90 || lat1 > 90 || lat2 > 90) {
      throw new Error('valid latitude values for GeoDistance function are in the range of -90 to 90 decimal degrees');
    }
    if (lon1 < -180 || lon2 < -180 || lon1 > 180 || lon2 > 180) {
      throw new Error('valid longitude values for GeoDistance function are in the range of -180 to +180 decimal degrees');
    }
    const radius = radiusFor(unit);
    const a =
      haversin((lat2 - lat1) * degreesToRadians) +
      haversin((lon2 - lon1) * degreesToRadians) * javaCos(lat1 * degreesToRadians) * javaCos(lat2 * degreesToRadians);
    return 2 * Math.asin(Math.sqrt(a)) * radius;
  };
  r.register({
    name: 'GEO_DISTANCE',
    category: 'MATHEMATICAL',
    description:
      'The great-circle distance between two points given as latitude and longitude in decimal degrees, ' +
      "in kilometres, or in the unit given as the fifth argument ('KM' or 'MI').",
    overloads: [
      {
        params: ['DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE'],
        returns: 'DOUBLE',
        impl: (a: number, b: number, c: number, d: number) => distance(a, b, c, d, null),
      },
      {
        params: ['DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'STRING'],
        returns: 'DOUBLE',
        // The coordinates are Java primitives (a NULL fails the row); a NULL unit means kilometres.
        nulls: 'call',
        impl: (a: number | null, b: number | null, c: number | null, d: number | null, unit: string | null) =>
          a === null || b === null || c === null || d === null ? null : distance(a, b, c, d, unit),
      },
    ],
  });
}
