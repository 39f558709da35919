import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { shippedDistricts } from '../services/district-packs.ts';

/** The districts this server ships data for: the city as a parent record, then its counties; 朝天区 is the default. */
export const districtRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json(shippedDistricts(), 200));
