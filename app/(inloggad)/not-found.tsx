import { NotFoundNotice } from '@/components/page-notices';

/**
 * "Not found" inside the signed-in frame (whose <main> this is in): for a page's or the
 * admin frame's notFound(), and, through [...path], for an address that does not exist, so
 * what is not the user's looks exactly like what does not exist.
 */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-8">
      <NotFoundNotice />
    </div>
  );
}
