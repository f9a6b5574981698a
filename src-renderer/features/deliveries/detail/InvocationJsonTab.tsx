import type { DeliveryDetail } from '@contract';
import { JsonTab } from './JsonTab';
import { RawBodyTab } from './RawBodyTab';

const isFormData = (delivery: DeliveryDetail) =>
  delivery.headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' &&
      /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(value.trim()),
  );

/**
 * The JSON tab for a signed-link hit. Such a request is usually a GET with no
 * body, or a form post: its inputs came in the signed query string, so "not
 * valid JSON" would read as a fault when there is none.
 */
export function InvocationJsonTab({ delivery }: { delivery: DeliveryDetail }) {
  const { body } = delivery;
  if (!body.omitted && body.base64 === '') {
    return (
      <p className="note" data-testid="json-invalid">
        This signed-link request had no body: its command, user, options and params came in the query string
        (see the Invocation tab).
      </p>
    );
  }
  if (!body.omitted && isFormData(delivery)) {
    return (
      <div>
        <p className="note" data-testid="json-invalid">
          The body is form data, not JSON; the command reads it as <code>request.body</code>.
        </p>
        <RawBodyTab delivery={delivery} />
      </div>
    );
  }
  return <JsonTab delivery={delivery} />;
}
