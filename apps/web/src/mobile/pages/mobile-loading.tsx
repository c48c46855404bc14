/** A spinner for a page whose code or data is on its way. */
export function MobileLoading() {
  return (
    <div className="m-loading" role="progressbar" aria-busy="true">
      <span />
    </div>
  );
}
