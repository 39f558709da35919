import type { RequestRow } from '../db/requests-repo.ts';
import { maskContact } from '../engine/requests/index.ts';
import { REQUEST_SERVICE_NAMES } from '../schemas/requests.ts';
import { dueOf } from '../services/request-service.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What anyone with the tracking code sees: no name, phone or exact place. */
export function publicRequestView(r: RequestRow, now: Date) {
  return {
    trackingCode: r.tracking_code, status: r.status, service: r.service, serviceName: REQUEST_SERVICE_NAMES[r.service as keyof typeof REQUEST_SERVICE_NAMES] ?? r.service,
    description: r.description, townshipName: r.township_name, siteName: r.site_name, teamName: r.team_name,
    outsideCircle: r.outside_circle, approximate: r.location_precision === 'village',
    submittedAt: r.submitted_at.toISOString(), dispatchedAt: iso(r.dispatched_at), acceptedAt: iso(r.accepted_at), doneAt: iso(r.done_at), ratedAt: iso(r.rated_at),
    closedAt: iso(r.closed_at), note: r.note, stars: r.stars, ratingComment: r.rating_comment, ...dueOf(r, now),
  };
}

/** The inbox row: contacts in full for whoever handles the request (`showContact`), masked otherwise. */
export function inboxRequestView(r: RequestRow, now: Date, showContact: boolean) {
  return {
    id: r.id, ...publicRequestView(r, now),
    contactName: showContact ? r.contact_name : maskContact(r.contact_name, 'name'), phone: showContact ? r.phone : maskContact(r.phone, 'phone'),
    contactErased: r.erased_at !== null,
    lng: r.lng, lat: r.lat, villageCode: r.village_code, townshipCode: r.township_code, siteId: r.site_id, teamId: r.team_id,
    proposedSites: r.proposed, reason: r.reason, acceptedBy: r.accepted_by,
  };
}
