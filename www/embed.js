// indicator-chart embed helper, for the page that embeds www/embed.html: sizes each
// <iframe data-indicator-chart> to the height its chart posts. Load it once anywhere:
// <script src="…/embed.js" async></script>
addEventListener('message', (e) => {
  const d = e.data, h = d && d.type === 'indicator-chart:height' && d.height;
  if (typeof h !== 'number' || !(h > 0 && h <= 100000)) return;
  for (const f of document.querySelectorAll('iframe[data-indicator-chart]')) {
    // Only the frame that sent it, and only while it shows a page of its own src's origin.
    if (f.contentWindow === e.source && new URL(f.src, location.href).origin === e.origin) {
      f.style.height = `${Math.ceil(h)}px`;
    }
  }
});
