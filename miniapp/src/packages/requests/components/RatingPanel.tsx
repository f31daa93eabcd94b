import { RequestAction, type RequestDetail } from '@wfh/shared';
import { actOnRequest } from '../../../api';
import { RatingForm } from '../../../components/RatingForm';

/** Her rating of her own request; the answer is the request as it is now (closed, or reopened). */
export function RatingPanel({ request, onRated }: { request: RequestDetail; onRated: (next: RequestDetail) => void }) {
  return (
    <RatingForm
      unsatisfiedReopens={request.rating === null}
      submit={async (input) => onRated(await actOnRequest(request.id, RequestAction.Rate, input))}
    />
  );
}
