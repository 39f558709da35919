import { api } from '../lib/api';
import { currentDistrict, setDistrictNames } from '../lib/district';

/** Sets the names of the district in the address (page titles say which county is open); keeps the default on failure. */
export async function loadDistrictNames(): Promise<void> {
  try {
    const here = (await api.districts()).find((d) => d.code === currentDistrict());
    if (here) setDistrictNames(here.name, here.nameEn);
  } catch {
    /* the list is unavailable: titles keep the default district's name */
  }
}
