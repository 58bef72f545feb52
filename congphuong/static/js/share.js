/* Progressive enhancement only: "Sao chép liên kết" copies the address instead of following it.
   Without JavaScript (or a clipboard) the link still opens the article's own address. */
(function () {
  "use strict";
  var links = document.querySelectorAll("a[data-copy]");
  if (!links.length || !navigator.clipboard || !window.isSecureContext) return;
  Array.prototype.forEach.call(links, function (link) {
    var label = link.textContent;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      navigator.clipboard.writeText(link.getAttribute("data-copy")).then(function () {
        link.textContent = "Đã sao chép liên kết";
        setTimeout(function () { link.textContent = label; }, 3000);
      }, function () { window.location.href = link.href; });
    });
  });
})();
