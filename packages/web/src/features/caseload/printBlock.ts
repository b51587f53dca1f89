/**
 * Prints one block of the page through the browser: the print stylesheet hides the navigation and
 * every other `.pw-print-block` while the body carries `pw-print-one`.
 */
export function printBlock(id: string): void {
  const target = document.getElementById(id);
  if (!target) {
    window.print();
    return;
  }
  const cleanUp = () => {
    document.body.classList.remove("pw-print-one");
    target.classList.remove("pw-print-target");
    window.removeEventListener("afterprint", cleanUp);
  };
  document.body.classList.add("pw-print-one");
  target.classList.add("pw-print-target");
  window.addEventListener("afterprint", cleanUp);
  window.print();
}
