/**
 * The access matrix: who gets what from every route of the API. It is the documentation (linked from
 * docs/security.md) and the test's expectations at once: access-matrix.spec.ts calls every route below
 * as each of the nine callers and asserts the status written here, and it fails when the app mounts a
 * route this table does not list, or this table lists a route the app no longer has.
 *
 * The world. Everything the routes are called on belongs to 王秀英 (woman A), who lives in 懿路村
 * (village 1) of 新台子镇 (township 1), 铁岭县 (the county): her domestic-violence request, routed to
 * her village by a county rule and holding a secret sentence and her phone; an ordinary mediation
 * request; one referred to the township; an activity she and her mother signed up for; a draft
 * activity; a council meeting; a pending and a published concern of hers; a roster entry kept by the
 * village's 执委; a routing rule; her 投诉建议; the village's sites; a role invitation, a roster
 * invitation and a rating code.
 *
 * The callers, in the order of every row:
 *   A       woman A, the owner of all of it
 *   B       woman B, her neighbour in the same village (another woman, the closest one)
 *   chair   the chair of village 1 (the right body)
 *   sib     the chair of 东孤家子村, a sibling village in the same township
 *   staff   staff of township 1 (the right township)
 *   oStaff  staff of 阿吉镇, another township of the same county (a wrong township)
 *   admin   an admin of the county
 *   exec    an executive (执委) of village 1, who keeps the roster entry
 *   anon    no token at all
 * Role holders live in 阿吉堡子村, so no role comes with a home in village 1.
 *
 * The statuses:
 *   200 201 204  allowed: the thing is read or done. A write that would use a thing up (accept a
 *                request, cancel an activity, delete a rule …) is done by each allowed caller on a
 *                new one made the same way, so every caller meets the same state.
 *   401          no token on a route that needs one (the guard answers before anything is looked up).
 *   403          the thing is known to be there (a body, a county, a published concern, her own
 *                request) but this caller may not do this to it.
 *   404          the thing is hidden: to a caller who may not see it, it does not exist. A woman's
 *                request, a draft, a pending concern, a roster entry, a sign-up, feedback, a code.
 *   400          only where the route refuses the caller's standing rather than her access: filing a
 *                request for a village that is not her home.
 *   409          allowed, but the thing's state says no: her own concern she cannot co-sign, a
 *                co-signature she never gave, a request with no referral to return.
 *
 * Leaks. Besides the status, every answer to every cell is searched for the secrets listed in SECRETS:
 * a caller not named there must never get any of them back (unless she sent it herself, as a code in
 * the address), and no error answer carries any of them at all.
 */

export const ACTORS = ['A', 'B', 'chair', 'sib', 'staff', 'oStaff', 'admin', 'exec', 'anon'] as const;
export type Actor = (typeof ACTORS)[number];

type S = 200 | 201 | 204 | 400 | 401 | 403 | 404 | 409;
/** One status per caller, in the order of ACTORS. */
export type Row = readonly [A: S, B: S, chair: S, sib: S, staff: S, oStaff: S, admin: S, exec: S, anon: S];

export interface MatrixEntry {
  /** `@Public()`: callable without a token. The test checks the app agrees. */
  public?: true;
  /** What the route is called on ("case"), each with its row. */
  cases: Record<string, Row>;
  note?: string;
}

/** The same answer for anyone, signed in or not: the public routes without anything of hers. */
const anyone = (status: S): Row => [status, status, status, status, status, status, status, status, status];
/** Every signed-in caller alike; no token → 401. */
const signedIn = (status: S): Row => [status, status, status, status, status, status, status, status, 401];

/** Who may get each secret back. Everyone else: never, from any route. */
export const SECRETS = {
  'sensitive request: her words, her phone, its id': ['A', 'chair'],
  'ordinary request: her words, her phone, its id': ['A', 'chair', 'staff', 'admin'],
  'referred request: her words': ['A', 'chair', 'staff', 'admin'],
  // The reason of a referral is for colleagues: every staff reader of the request, never A herself.
  'referred request: the note for colleagues': ['chair', 'staff', 'admin'],
  'pending concern: its words, its id': ['A', 'chair', 'admin'],
  'draft activity: its title, its id': ['chair', 'staff', 'admin'],
  'draft notice: its words, its id': ['chair', 'staff', 'admin'],
  "her mother's phone (sign-up)": ['A'],
  'the check-in QR token of her seat': ['A'],
  "her sign-ups' ids": ['A', 'chair', 'staff', 'admin'],
  'roster entry: the phone': ['exec'],
  'roster entry: the name, its id, the contact note': ['exec', 'chair', 'admin'],
  'feedback: her words, its id': ['A', 'admin'],
  'inactive site: its name': ['chair', 'admin'],
  'routing rule: its id': ['admin'],
  'role invitation code': ['admin'],
  'roster invitation code': ['exec'],
  'rating code': ['chair'],
  'her user id': ['A'],
  "a PC's poll secret": [],
} as const satisfies Record<string, readonly Exclude<Actor, 'anon'>[]>;
export type SecretName = keyof typeof SECRETS;

export const MATRIX: Record<string, MatrixEntry> = {
  //                                                              A    B    chair sib  staff oStaff admin exec anon
  'GET /api/v1/activities': { public: true, cases: { "her village's list": anyone(200) } },
  'GET /api/v1/activities/:id': { public: true, cases: {
    'published activity':                                        anyone(200),
    'draft activity':                                            [404, 404, 200, 404, 200, 404, 200, 404, 404] } },
  'PATCH /api/v1/activities/:id': { cases: {
    'published activity':                                        [404, 404, 200, 404, 200, 404, 200, 404, 401] } },
  'GET /api/v1/activities/:id/agenda': { public: true, cases: { 'council meeting': anyone(200) } },
  'PUT /api/v1/activities/:id/agenda': { cases: {
    'council meeting':                                           [404, 404, 200, 404, 200, 404, 200, 404, 401] } },
  'GET /api/v1/activities/:id/attendees': { cases: {
    'published activity':                                        [404, 404, 200, 404, 200, 404, 200, 404, 401] } },
  'POST /api/v1/activities/:id/attendees': { cases: {
    'published activity':                                        [404, 404, 201, 404, 201, 404, 201, 404, 401] } },
  'GET /api/v1/activities/:id/attendees.csv': { cases: {
    'published activity':                                        [404, 404, 200, 404, 200, 404, 200, 404, 401] } },
  'POST /api/v1/activities/:id/cancel': { cases: {
    'published activity':                                        [404, 404, 201, 404, 201, 404, 201, 404, 401] } },
  'POST /api/v1/activities/:id/check-ins': { note: 'each manager checks in a different confirmed seat', cases: {
    'published activity':                                        [404, 404, 201, 404, 201, 404, 201, 404, 401] } },
  'DELETE /api/v1/activities/:id/check-ins/:signupId': { note: 'each manager undoes a check-in of a new reserved seat', cases: {
    'a checked-in seat':                                         [404, 404, 200, 404, 200, 404, 200, 404, 401] } },
  'PUT /api/v1/activities/:id/minutes': { cases: {
    'council meeting':                                           [404, 404, 200, 404, 200, 404, 200, 404, 401] } },
  'POST /api/v1/activities/:id/publish': { cases: {
    'draft activity':                                            [404, 404, 201, 404, 201, 404, 201, 404, 401] } },
  'POST /api/v1/activities/:id/signups': { note: 'open to anyone signed in; the women sign up a relative', cases: {
    'published activity':                                        signedIn(201) } },

  'POST /api/v1/auth/dev': { public: true, note: 'development sign-in (DEV_SIGN_IN); an unknown person', cases: { 'a stranger': anyone(404) } },
  'GET /api/v1/auth/dev/people': { public: true, cases: { 'a stranger': anyone(200) } },
  'POST /api/v1/auth/refresh': { public: true, note: 'a made-up refresh token', cases: { 'a stranger': anyone(401) } },
  'POST /api/v1/auth/sign-out': { public: true, note: 'the refresh token is the proof; a made-up one ends nothing', cases: { 'a stranger': anyone(204) } },
  'POST /api/v1/auth/sign-out-everywhere': { note: 'only ever her own sessions (run last: it ends the caller\'s token)', cases: { 'her own': signedIn(204) } },
  'POST /api/v1/auth/wechat': { public: true, note: 'a code WeChat does not know', cases: { 'a stranger': anyone(401) } },
  'GET /api/v1/categories': { public: true, cases: { 'a stranger': anyone(200) } },

  'GET /api/v1/concerns/:id': { public: true, cases: {
    'pending concern':                                           [200, 404, 200, 404, 404, 404, 200, 404, 404],
    'published concern':                                         anyone(200) } },
  'DELETE /api/v1/concerns/:id/cosign': { note: 'B withdraws the co-signature she gave', cases: {
    'pending concern':                                           [409, 404, 409, 404, 404, 404, 409, 404, 401],
    'published concern':                                         [409, 200, 409, 409, 409, 409, 409, 409, 401] } },
  'POST /api/v1/concerns/:id/cosign': { note: 'only women of the village; not her own', cases: {
    'pending concern':                                           [409, 404, 409, 404, 404, 404, 409, 404, 401],
    'published concern':                                         [409, 201, 403, 403, 403, 403, 403, 403, 401] } },
  'POST /api/v1/concerns/:id/decline': { cases: {
    'pending concern':                                           [403, 404, 201, 404, 404, 404, 201, 404, 401] } },
  'POST /api/v1/concerns/:id/merge': { cases: {
    'pending concern':                                           [403, 404, 201, 404, 404, 404, 201, 404, 401] } },
  'POST /api/v1/concerns/:id/publish': { cases: {
    'pending concern':                                           [403, 404, 201, 404, 404, 404, 201, 404, 401] } },
  'POST /api/v1/concerns/:id/updates': { cases: {
    'published concern':                                         [403, 403, 201, 403, 403, 403, 201, 403, 401] } },

  'GET /api/v1/notices/:id': { public: true, note: 'out: anyone (a card shared in a chat opens it); a draft: the body and those above it', cases: {
    'draft notice':                                              [404, 404, 200, 404, 200, 404, 200, 404, 404],
    'published notice':                                          anyone(200) } },
  'PATCH /api/v1/notices/:id': { note: 'a notice that is out is withdrawn and written anew, not changed', cases: {
    'draft notice':                                              [404, 404, 200, 404, 200, 404, 200, 404, 401],
    'published notice':                                          [403, 403, 409, 403, 409, 403, 409, 403, 401] } },
  'POST /api/v1/notices/:id/publish': { cases: {
    'draft notice':                                              [404, 404, 201, 404, 201, 404, 201, 404, 401],
    'published notice':                                          [403, 403, 409, 403, 409, 403, 409, 403, 401] } },
  'GET /api/v1/notices/:id/reach': { note: 'counts per body, never who', cases: {
    'published notice':                                          [403, 403, 200, 403, 200, 403, 200, 403, 401] } },
  'POST /api/v1/notices/:id/withdraw': { cases: {
    'draft notice':                                              [404, 404, 409, 404, 409, 404, 409, 404, 401],
    'published notice':                                          [403, 403, 201, 403, 201, 403, 201, 403, 401] } },

  'POST /api/v1/console/sessions': { public: true, note: 'a PC asks to be signed in by QR code', cases: { 'a stranger': anyone(201) } },
  'GET /api/v1/console/sessions/:id': { note: 'whoever scanned the code sees what she would confirm; once confirmed, only she', cases: {
    'a PC waiting to be signed in':                              signedIn(200),
    'a PC the chair signed in':                                  [404, 404, 200, 404, 404, 404, 404, 404, 401],
    'a PC sign-in nobody asked for':                             signedIn(404) } },
  'POST /api/v1/console/sessions/:id/confirm': { note: 'chairs, deputies, township staff and county admins, of any body: the session carries her own roles', cases: {
    'a PC waiting to be signed in':                              [403, 403, 200, 200, 200, 200, 200, 403, 401],
    'a PC the chair signed in':                                  [404, 404, 200, 404, 404, 404, 404, 404, 401] } },
  'POST /api/v1/console/sessions/:id/poll': { public: true, note: 'the PC\'s secret is the proof, whoever sends it', cases: {
    'a PC waiting to be signed in':                              anyone(200),
    'a PC sign-in nobody asked for':                             anyone(404) } },
  'POST /api/v1/console/sessions/:id/refuse': { note: '不是我，取消; too late once the PC has her session', cases: {
    'a PC waiting to be signed in':                              signedIn(204),
    'a PC the chair signed in':                                  [404, 404, 409, 404, 404, 404, 404, 404, 401] } },

  'GET /api/v1/counties/:countyId/exports/:kind': { note: "the county's own admins only (the people export carries phones)", cases: {
    "the county's sites":                                        [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'POST /api/v1/counties/:countyId/imports/:kind': { note: 'a dry run of a sites sheet; township staff send their sheets to the county', cases: {
    "the county's sites":                                        [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'GET /api/v1/counties/:countyId/imports/progress/:progressId': { note: 'only the admin who sent the import (another admin of the county: 404, import-progress.spec.ts)', cases: {
    "the admin's import":                                        [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'GET /api/v1/counties/:countyId/messages/failed': { note: 'messages that reached nobody, with the reason: its admins (sms-messages.spec.ts covers what they see)', cases: {
    "the county's messages":                                     [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'GET /api/v1/counties/:countyId/imports/:kind/template': { cases: {
    "the county's sites":                                        [403, 403, 403, 403, 403, 403, 200, 403, 401] } },

  'GET /api/v1/federations/:id': { public: true, cases: { 'village 1': anyone(200) } },
  'PATCH /api/v1/federations/:id': { cases: {
    'village 1':                                                 [403, 403, 200, 403, 200, 403, 200, 403, 401] } },
  'PUT /api/v1/federations/:id/active': { cases: {
    'village 1':                                                 [403, 403, 403, 403, 403, 403, 204, 403, 401] } },
  'GET /api/v1/federations/:id/activities': { cases: {
    'village 1':                                                 [403, 403, 200, 403, 200, 403, 200, 403, 401] } },
  'POST /api/v1/federations/:id/activities': { cases: {
    'village 1':                                                 [403, 403, 201, 403, 201, 403, 201, 403, 401] } },
  'GET /api/v1/federations/:id/categories': { cases: {
    'the county':                                                [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'PATCH /api/v1/federations/:id/categories/:key': { cases: {
    'the county':                                                [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'GET /api/v1/federations/:id/concerns': { public: true, note: 'moderators also see pending ones', cases: { 'village 1': anyone(200) } },
  'POST /api/v1/federations/:id/concerns': { note: "only about her own village", cases: {
    'village 1':                                                 [201, 201, 403, 403, 403, 403, 403, 403, 401] } },
  'DELETE /api/v1/federations/:id/cover': { cases: {
    'village 1':                                                 [403, 403, 200, 403, 403, 403, 403, 403, 401] } },
  'GET /api/v1/federations/:id/cover': { note: 'roles held at the body itself', cases: {
    'village 1':                                                 [403, 403, 200, 403, 403, 403, 403, 200, 401] } },
  'PUT /api/v1/federations/:id/cover': { cases: {
    'village 1':                                                 [403, 403, 200, 403, 403, 403, 403, 403, 401] } },
  'GET /api/v1/federations/:id/feedback': { cases: {
    'the county':                                                [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'GET /api/v1/federations/:id/inbox': { note: 'a handler role at the body itself; from above (township, county) its ordinary requests only', cases: {
    'village 1':                                                 [403, 403, 200, 403, 200, 403, 200, 403, 401],
    'her own body':                                              [403, 403, 200, 200, 200, 200, 200, 403, 401] } },
  'GET /api/v1/federations/:id/referred-out': { note: '「我转出的」: a handler role at the body itself', cases: {
    'village 1':                                                 [403, 403, 200, 403, 403, 403, 403, 403, 401],
    'her own body':                                              [403, 403, 200, 200, 200, 200, 200, 403, 401] } },
  'GET /api/v1/federations/:id/managed-sites': { note: 'switched-off sites too: those who keep the sites', cases: {
    'village 1':                                                 [403, 403, 200, 403, 403, 403, 200, 403, 401] } },
  'GET /api/v1/federations/:id/members': { cases: {
    'village 1':                                                 [403, 403, 200, 403, 200, 403, 200, 403, 401] } },
  'GET /api/v1/federations/:id/notices': { note: 'every state, with openings counted', cases: {
    'village 1':                                                 [403, 403, 200, 403, 200, 403, 200, 403, 401] } },
  'POST /api/v1/federations/:id/notices': { cases: {
    'village 1':                                                 [403, 403, 201, 403, 201, 403, 201, 403, 401] } },
  'GET /api/v1/federations/:id/public-stats': { public: true, cases: { 'village 1': anyone(200) } },
  'PUT /api/v1/federations/:id/registered-women': { cases: {
    'village 1':                                                 [403, 403, 204, 403, 204, 403, 204, 403, 401] } },
  'POST /api/v1/federations/:id/requests': { note: 'recorded by phone or at the door', cases: {
    'village 1':                                                 [403, 403, 201, 403, 403, 403, 403, 403, 401] } },
  'POST /api/v1/federations/:id/role-invitations': { cases: {
    'village 1':                                                 [403, 403, 403, 403, 403, 403, 201, 403, 401] } },
  'POST /api/v1/federations/:id/role-revocations': { cases: {
    'village 1':                                                 [403, 403, 403, 403, 403, 403, 204, 403, 401] } },
  'GET /api/v1/federations/:id/roster': { note: 'the executive sees her own entries; chair and admin all (phones masked)', cases: {
    'village 1':                                                 [403, 403, 200, 403, 403, 403, 200, 200, 401] } },
  'POST /api/v1/federations/:id/roster': { cases: {
    'village 1':                                                 [403, 403, 201, 403, 403, 403, 403, 201, 401] } },
  'POST /api/v1/federations/:id/roster-invitations': { cases: {
    'village 1':                                                 [403, 403, 201, 403, 403, 403, 403, 201, 401] } },
  'POST /api/v1/federations/:id/routing-preview': { cases: {
    'the county':                                                [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'GET /api/v1/federations/:id/routing-rules': { cases: {
    'the county':                                                [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'POST /api/v1/federations/:id/routing-rules': { cases: {
    'the county':                                                [403, 403, 403, 403, 403, 403, 201, 403, 401] } },
  'DELETE /api/v1/federations/:id/routing-rules/:ruleId': { cases: {
    "the county's rule":                                         [403, 403, 403, 403, 403, 403, 204, 403, 401] } },
  'GET /api/v1/federations/:id/sites': { public: true, note: 'active sites only', cases: { 'village 1': anyone(200) } },
  'POST /api/v1/federations/:id/sites': { cases: {
    'village 1':                                                 [403, 403, 201, 403, 403, 403, 201, 403, 401] } },
  'GET /api/v1/federations/:id/stats': { cases: {
    'village 1':                                                 [403, 403, 200, 403, 200, 403, 200, 403, 401] } },
  'GET /api/v1/federations/:id/stats.csv': { cases: {
    'village 1':                                                 [403, 403, 200, 403, 200, 403, 200, 403, 401] } },
  'GET /api/v1/federations/:id/voices': { public: true, cases: { 'village 1': anyone(200) } },

  'POST /api/v1/feedback': { cases: { 'her village': signedIn(201) } },
  'POST /api/v1/feedback/:id/reply': { cases: {
    'her feedback':                                              [404, 404, 404, 404, 404, 404, 201, 404, 401] } },

  'GET /api/v1/holiday-calendar': { note: 'the deployment-wide calendar: any county admin', cases: {
    'the holiday calendar':                                      [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'GET /api/v1/holiday-calendar/:year': { cases: {
    'next year':                                                 [403, 403, 403, 403, 403, 403, 200, 403, 401] } },
  'PUT /api/v1/holiday-calendar/:year': { cases: {
    'next year':                                                 [403, 403, 403, 403, 403, 403, 200, 403, 401] } },

  'GET /api/v1/me': { cases: { 'her own': signedIn(200) } },
  'GET /api/v1/me/concerns': { cases: { 'her own': signedIn(200) } },
  'GET /api/v1/me/console-sessions': { note: 'the PCs she is signed in on', cases: { 'her own': signedIn(200) } },
  'DELETE /api/v1/me/console-sessions/:id': { cases: {
    'a PC the chair signed in':                                  [404, 404, 204, 404, 404, 404, 404, 404, 401] } },
  'GET /api/v1/me/data': { note: 'her export: only her own things', cases: { 'her own': signedIn(200) } },
  'POST /api/v1/me/deletion': { note: 'only ever her own account; refused while a request of hers is open (A, B) or she holds a role', cases: {
    'her own':                                                   [409, 409, 409, 409, 409, 409, 409, 409, 401] } },
  'GET /api/v1/me/feedback': { cases: { 'her own': signedIn(200) } },
  'GET /api/v1/me/inbox-counts': { note: 'the counts of her own inboxes (none for a woman or an executive)', cases: { 'her own': signedIn(200) } },
  'POST /api/v1/me/phone': { note: 'a code WeChat never gave: refused for everyone signed in, before any listing is read (phone-roles.spec.ts covers the listed cases)', cases: {
    'her own': signedIn(400) } },
  'PUT /api/v1/me/home': { note: 'each confirms the home she has', cases: { 'her own': signedIn(200) } },
  'PUT /api/v1/me/name': { note: 'each sets her own name only (the matrix people are not listed; real-names.spec.ts covers listed ones)', cases: { 'her own': signedIn(200) } },
  'GET /api/v1/me/notices': { note: 'of her home village and the bodies above it', cases: { 'her own': signedIn(200) } },
  'GET /api/v1/me/requests': { cases: { 'her own': signedIn(200) } },
  'GET /api/v1/me/subscriptions': { note: 'her own reminder counts', cases: { 'her own': signedIn(200) } },
  'POST /api/v1/me/subscriptions': { note: 'only ever adds to her own counts (wechat-messages.spec.ts covers the grants)', cases: { 'her own': signedIn(200) } },
  'GET /api/v1/me/signups': { cases: { 'her own': signedIn(200) } },
  'GET /api/v1/me/sms': { note: 'her own 不要短信', cases: { 'her own': signedIn(200) } },
  'PUT /api/v1/me/sms': { note: 'her own 不要短信 only', cases: { 'her own': signedIn(200) } },

  'GET /api/v1/nearest': { public: true, cases: { 'a stranger': anyone(200) } },
  'GET /api/v1/ratings/:code': { public: true, note: 'where it stands, nothing she said; tries share the rating limit', cases: {
    'a guessed code':                                            anyone(404),
    'the code she was given':                                    anyone(200) } },
  'POST /api/v1/ratings/:code': { public: true, note: 'the code is the key: whoever holds it rates, once', cases: {
    'a guessed code':                                            anyone(404),
    'the code she was given':                                    anyone(204) } },
  'GET /api/v1/regions': { public: true, cases: { 'a stranger': anyone(200) } },
  'GET /api/v1/regions/:code': { public: true, cases: { 'village 1': anyone(200) } },
  'GET /api/v1/regions/:code/children': { public: true, cases: { 'township 1': anyone(200) } },

  'POST /api/v1/requests': { note: 'for her own home village only', cases: {
    'village 1':                                                 [201, 201, 400, 400, 400, 400, 400, 400, 401] } },
  'GET /api/v1/requests/:id': { cases: {
    'sensitive request':                                         [200, 404, 200, 404, 404, 404, 404, 404, 401],
    'ordinary request':                                          [200, 404, 200, 404, 200, 404, 200, 404, 401] } },
  'POST /api/v1/requests/:id/accept': { cases: {
    'sensitive request':                                         [403, 404, 200, 404, 404, 404, 404, 404, 401],
    'ordinary request':                                          [403, 404, 200, 404, 403, 404, 403, 404, 401] } },
  'POST /api/v1/requests/:id/rate': { cases: {
    'sensitive request':                                         [200, 404, 404, 404, 404, 404, 404, 404, 401],
    'ordinary request':                                          [200, 404, 404, 404, 404, 404, 404, 404, 401] } },
  'POST /api/v1/requests/:id/refer': { cases: {
    'sensitive request':                                         [403, 404, 200, 404, 404, 404, 404, 404, 401],
    'ordinary request':                                          [403, 404, 200, 404, 403, 404, 403, 404, 401] } },
  'PUT /api/v1/requests/:id/sms': { note: "不要短信 for a woman recorded by phone: a handler role at her village; a woman's own request is hers to set (PUT /me/sms)", cases: {
    'a request the chair recorded':                              [404, 404, 200, 404, 404, 404, 404, 404, 401],
    'ordinary request':                                          [404, 404, 400, 404, 404, 404, 404, 404, 401] } },
  'POST /api/v1/requests/:id/reply': { cases: {
    'sensitive request':                                         [403, 404, 200, 404, 404, 404, 404, 404, 401],
    'ordinary request':                                          [403, 404, 200, 404, 403, 404, 403, 404, 401] } },
  'POST /api/v1/requests/:id/resolve': { cases: {
    'sensitive request':                                         [403, 404, 200, 404, 404, 404, 404, 404, 401],
    'ordinary request':                                          [403, 404, 200, 404, 403, 404, 403, 404, 401] } },
  'POST /api/v1/requests/:id/return_referral': { note: 'the body it was referred to sends it back', cases: {
    'sensitive request':                                         [403, 404, 409, 404, 404, 404, 404, 404, 401],
    'request referred to the township':                          [403, 404, 403, 404, 200, 404, 403, 404, 401] } },
  'POST /api/v1/requests/:id/withdraw': { cases: {
    'sensitive request':                                         [200, 404, 404, 404, 404, 404, 404, 404, 401],
    'ordinary request':                                          [200, 404, 404, 404, 404, 404, 404, 404, 401] } },

  'GET /api/v1/role-invitations/:code': { note: 'the code is the key', cases: {
    'a guessed code':                                            signedIn(404),
    'the code the admin handed out':                             signedIn(200) } },
  'POST /api/v1/role-invitations/:code/accept': { note: 'the code is the key (run last: it grants roles)', cases: {
    'a guessed code':                                            signedIn(404),
    'the code the admin handed out':                             signedIn(204) } },
  'GET /api/v1/roster-invitations/:code': { note: 'the code is the key', cases: {
    'a guessed code':                                            signedIn(404),
    'the code the executive handed out':                         signedIn(200) } },
  'POST /api/v1/roster-invitations/:code/accept': { note: 'the code is the key', cases: {
    'a guessed code':                                            signedIn(404),
    'the code the executive handed out':                         signedIn(204) } },
  'DELETE /api/v1/roster/:id': { cases: {
    'roster entry':                                              [404, 404, 404, 404, 404, 404, 404, 204, 401] } },
  'GET /api/v1/roster/:id': { cases: {
    'roster entry':                                              [404, 404, 200, 404, 404, 404, 200, 200, 401] } },
  'PATCH /api/v1/roster/:id': { cases: {
    'roster entry':                                              [404, 404, 404, 404, 404, 404, 404, 200, 401] } },
  'POST /api/v1/roster/:id/contacts': { cases: {
    'roster entry':                                              [404, 404, 404, 404, 404, 404, 404, 201, 401] } },

  'GET /api/v1/search': { public: true, cases: { 'a stranger': anyone(200) } },
  'POST /api/v1/signups/:id/cancel': { cases: {
    'her sign-up':                                               [201, 404, 404, 404, 404, 404, 404, 404, 401],
    'a reserved place the chair added':                          [404, 404, 201, 404, 201, 404, 201, 404, 401] } },
  'GET /api/v1/sites/:id': { public: true, cases: {
    'site':                                                      anyone(200),
    'inactive site':                                             [404, 404, 200, 404, 404, 404, 200, 404, 404] } },
  'PATCH /api/v1/sites/:id': { cases: {
    'site':                                                      [403, 403, 200, 403, 403, 403, 200, 403, 401] } },

  'GET /health/live': { public: true, cases: { 'a stranger': anyone(200) } },
  'GET /health/ready': { public: true, cases: { 'a stranger': anyone(200) } },
};
