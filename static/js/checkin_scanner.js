/* Check-in at the door: scan a participant's QR code with the phone's camera and open their card.
   Progressive enhancement: the "Scan a code" button appears only where a camera can be used; without this
   file (or a camera) the list and its search work as before. The QR library (static/vendor/jsqr, Apache
   2.0) is served by the site itself and loaded only when scanning starts. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[src$='checkin_scanner.js']");
  var button = document.getElementById("checkin-scan");
  var panel = document.getElementById("checkin-scanner");
  var video = document.getElementById("checkin-video");
  var status = document.getElementById("checkin-scan-status");
  var stopButton = document.getElementById("checkin-scan-stop");
  if (!script || !button || !panel || !video || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var labels = script.dataset;
  // A door code's link: /<language>/checkin/<code>/ on this site (or the address the e-mails use).
  var CODE_PATH = /^\/[a-z]{2}\/checkin\/([A-Za-z0-9_-]{1,32})\/$/;
  var stream = null;
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var running = false;

  button.hidden = false;

  function loadLibrary() {
    return new Promise(function (resolve, reject) {
      if (window.jsQR) { resolve(); return; }
      var tag = document.createElement("script");
      tag.src = labels.library;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  // The card is opened in the staff member's language (this page's), whatever language the code's link has.
  function cardUrl(text) {
    var url;
    try { url = new URL(text, window.location.href); } catch (error) { return null; }
    var match = CODE_PATH.exec(url.pathname);
    return match ? labels.checkinPrefix + match[1] + "/" : null;
  }

  function stop() {
    running = false;
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }

  function scan() {
    if (!running) { return; }
    if (video.readyState === video.HAVE_ENOUGH_DATA && video.videoWidth) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var image = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      if (code && code.data) {
        var target = cardUrl(code.data);
        if (target) {
          running = false;
          window.location.assign(target);
          return;
        }
        status.textContent = labels.notOurs;
      }
    }
    window.requestAnimationFrame(scan);
  }

  button.addEventListener("click", function () {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    status.textContent = labels.starting;
    Promise.all([
      loadLibrary(),
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }),
    ])
      .then(function (results) {
        stream = results[1];
        video.srcObject = stream;
        return video.play();
      })
      .then(function () {
        status.textContent = labels.looking;
        running = true;
        window.requestAnimationFrame(scan);
      })
      .catch(function () {
        running = false;
        if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); stream = null; }
        status.textContent = labels.noCamera;
      });
  });
  stopButton.addEventListener("click", stop);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { stop(); }
  });
})();
