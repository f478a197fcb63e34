/* Photos of an event: a click, or Enter on a focused photo, opens its large rendition in a modal dialog.
   Escape or the close button closes it and the focus goes back to the photo. Without JavaScript the link
   simply opens the large image. */
(function () {
  "use strict";
  var viewer = document.getElementById("photo-viewer");
  if (!viewer || typeof viewer.showModal !== "function") return;
  var figure = viewer.querySelector(".viewer__figure");
  var caption = viewer.querySelector(".viewer__caption");
  var opener = null;

  document.querySelectorAll("a[data-viewer]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      opener = link;
      var small = link.querySelector("img");
      var image = document.createElement("img");
      image.className = "viewer__image";
      image.src = link.href;
      image.alt = small ? small.alt : "";
      var old = figure.querySelector("img");
      if (old) old.remove();
      figure.insertBefore(image, caption);
      caption.textContent = link.dataset.caption || "";
      caption.hidden = !link.dataset.caption;
      viewer.showModal();
    });
  });
  viewer.addEventListener("close", function () {
    if (opener) opener.focus();
  });
  // A click on the backdrop (outside the dialog's content) closes it too.
  viewer.addEventListener("click", function (event) {
    if (event.target === viewer) viewer.close();
  });
})();
