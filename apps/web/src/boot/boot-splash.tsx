/** The spinner of index.html, shown again while an app's code or first strings load. */
export function BootSplash() {
  return (
    <div className="boot-splash" role="progressbar" aria-busy="true">
      <span />
    </div>
  );
}
