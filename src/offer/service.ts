import { z } from 'zod';
import { AudienceIdSchema, KindIdSchema } from './vocabulary';

/**
 * One entry of the offer as the bot uses it: a data·inclusion service joined with its structure, placed on the map,
 * with its kinds and audiences recognised. A centre social or EVS is also an entry of its own (id "structure:…"), so
 * that "un centre social près de Bron" lists centres, not every activity they run.
 */
export const OfferServiceSchema = z.object({
  id: z.string(),
  structureId: z.string(),
  name: z.string(),
  structureName: z.string().nullable(),
  /** The start of the description, for the card. */
  summary: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  /** Region name, for school holidays in opening hours. */
  region: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Where the coordinates come from: the service itself, its structure, or its commune. */
  located: z.enum(['service', 'structure', 'commune', 'none']),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  hours: z.string().nullable(),
  hoursFrom: z.enum(['service', 'structure']).nullable(),
  kinds: z.array(KindIdSchema),
  audiences: z.array(AudienceIdSchema),
  /** Children's ages the service is for (years, inclusive), when it says. */
  ages: z.tuple([z.number(), z.number()]).nullable(),
  inPerson: z.boolean(),
  remote: z.boolean(),
  /** zone_eligibilite codes; null: no restriction said. */
  zone: z.array(z.string()).nullable(),
  /** About families (a family theme or a recognised kind): listed when a parent names only a place. */
  family: z.boolean(),
  free: z.boolean().nullable(),
});
export type OfferService = z.infer<typeof OfferServiceSchema>;

export function isLocated(service: OfferService): service is OfferService & { latitude: number; longitude: number } {
  return service.latitude !== null && service.longitude !== null;
}
