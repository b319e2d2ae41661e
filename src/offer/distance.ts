import { distance } from 'geokdbush';

type Point = { latitude: number | null; longitude: number | null };

/** Great-circle distance in km between two points (the same formula the spatial index uses). */
export function geoDistanceKm(a: Point, b: Point): number {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return Infinity;
  return distance(a.longitude, a.latitude, b.longitude, b.latitude);
}
