import {
  OPEN_STATES,
  Rating,
  RequestAction,
  RequestState,
  handlerActionsFrom,
  transition,
  type RequestActorKind,
} from '../src/requests';

const S = RequestState;
const A = RequestAction;
const ALL_STATES = Object.values(RequestState);

/** Every legal move, and nothing else: [from, action, by, to]. */
const LEGAL: Array<[RequestState, RequestAction, RequestActorKind, RequestState]> = [
  [S.Submitted, A.Accept, 'handler', S.Accepted],
  [S.Referred, A.Accept, 'handler', S.Accepted],
  [S.Escalated, A.Accept, 'handler', S.Accepted],
  [S.Reopened, A.Accept, 'handler', S.Accepted],
  [S.Accepted, A.Reply, 'handler', S.InProgress],
  [S.InProgress, A.Reply, 'handler', S.InProgress],
  ...[S.Submitted, S.Accepted, S.InProgress, S.Escalated, S.Reopened].map(
    (from) => [from, A.Refer, 'handler', S.Referred] as [RequestState, RequestAction, RequestActorKind, RequestState],
  ),
  [S.Referred, A.ReturnReferral, 'handler', S.Accepted],
  ...OPEN_STATES.map((from) => [from, A.Escalate, 'system', S.Escalated] as [RequestState, RequestAction, RequestActorKind, RequestState]),
  [S.Accepted, A.Resolve, 'handler', S.Resolved],
  [S.InProgress, A.Resolve, 'handler', S.Resolved],
  ...OPEN_STATES.map((from) => [from, A.Withdraw, 'woman', S.Withdrawn] as [RequestState, RequestAction, RequestActorKind, RequestState]),
  [S.Resolved, A.AutoClose, 'system', S.Closed],
];

describe('the request lifecycle', () => {
  it.each(LEGAL)('%s --%s by %s--> %s', (from, action, by, to) => {
    expect(transition(from, action, by)).toEqual({ ok: true, to });
  });

  it('refuses every other state for each action, with the reason', () => {
    const actions = Object.values(RequestAction).filter((a) => a !== A.Rate);
    let refused = 0;
    for (const action of actions) {
      const by = LEGAL.find(([, a]) => a === action)![2];
      for (const from of ALL_STATES) {
        if (LEGAL.some(([f, a]) => f === from && a === action)) continue;
        expect(transition(from, action, by)).toEqual({ ok: false, reason: 'not_from_this_state' });
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(40);
  });

  it('refuses the wrong kind of actor: she cannot accept, a handler cannot withdraw or rate, nobody but the sweeper escalates', () => {
    expect(transition(S.Submitted, A.Accept, 'woman')).toEqual({ ok: false, reason: 'not_this_actor' });
    expect(transition(S.Submitted, A.Withdraw, 'handler')).toEqual({ ok: false, reason: 'not_this_actor' });
    expect(transition(S.Resolved, A.Rate, 'handler', { rating: Rating.Satisfied })).toEqual({ ok: false, reason: 'not_this_actor' });
    expect(transition(S.Submitted, A.Escalate, 'handler')).toEqual({ ok: false, reason: 'not_this_actor' });
  });

  it.each([
    [Rating.Satisfied, 0, S.Closed],
    [Rating.Partly, 0, S.Closed],
    [Rating.Unsatisfied, 0, S.Reopened],
    // The second round's rating counts: no third round.
    [Rating.Unsatisfied, 1, S.Closed],
    [Rating.Satisfied, 1, S.Closed],
  ])('rating %s after %d earlier ratings leads to %s', (rating, previousRatings, to) => {
    expect(transition(S.Resolved, A.Rate, 'woman', { rating, previousRatings })).toEqual({ ok: true, to });
  });

  it('a rating needs a resolved request and a rating', () => {
    expect(transition(S.InProgress, A.Rate, 'woman', { rating: Rating.Satisfied })).toEqual({ ok: false, reason: 'not_from_this_state' });
    expect(transition(S.Resolved, A.Rate, 'woman')).toEqual({ ok: false, reason: 'rating_required' });
  });

  it('offers handlers exactly the actions the machine allows', () => {
    expect(handlerActionsFrom(S.Submitted)).toEqual([A.Accept, A.Refer]);
    expect(handlerActionsFrom(S.InProgress)).toEqual([A.Reply, A.Refer, A.Resolve]);
    expect(handlerActionsFrom(S.Referred)).toEqual([A.Accept, A.ReturnReferral]);
    expect(handlerActionsFrom(S.Closed)).toEqual([]);
  });
});
