/* Budgeting maps (Leaflet, from npm). Two kinds, both drawn from the page:
 * - [data-proposal-map]: the proposals of the list named by data-list, each
 *   <li data-lat data-lon data-title data-url>; the list is the map's text
 *   equivalent and stays on the page.
 * - [data-pick-map]: a click sets the latitude and longitude inputs named by
 *   data-lat-input / data-lon-input; typing in them moves the marker. The
 *   inputs are the keyboard and screen-reader way to give the point.
 * Without this script, or without tiles (offline), the pages work the same.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;

  var FINLAND = [64.5, 26.0];

  function escaped(text) {
    var holder = document.createElement("div");
    holder.textContent = text || "";
    return holder.innerHTML;
  }

  function bounds(element) {
    var edges = (element.dataset.bounds || "").split(",").map(Number);
    if (edges.length !== 4 || !edges.every(isFinite)) return null;
    return L.latLngBounds([edges[0], edges[1]], [edges[2], edges[3]]);
  }

  function baseMap(element) {
    var map = L.map(element, { zoomControl: false, scrollWheelZoom: false });
    L.control
      .zoom({
        zoomInTitle: element.dataset.zoomIn,
        zoomOutTitle: element.dataset.zoomOut,
      })
      .addTo(map);
    L.tileLayer(element.dataset.tileUrl, {
      attribution: escaped(element.dataset.attribution),
      maxZoom: 19,
    }).addTo(map);
    var area = bounds(element);
    if (area) map.fitBounds(area);
    else map.setView(FINLAND, 5);
    return map;
  }

  function marker(latLng) {
    return L.circleMarker(latLng, {
      radius: 8,
      color: "#00458a",
      weight: 2,
      fillColor: "#ffffff",
      fillOpacity: 0.9,
    });
  }

  function proposalMap(element) {
    var list = document.getElementById(element.dataset.list);
    if (!list) return;
    var map = baseMap(element);
    var points = [];
    list.querySelectorAll("[data-lat]").forEach(function (item) {
      var latLng = [Number(item.dataset.lat), Number(item.dataset.lon)];
      if (!latLng.every(isFinite)) return;
      var link = document.createElement("a");
      link.href = item.dataset.url;
      link.textContent = item.dataset.title;
      marker(latLng).bindPopup(link).addTo(map);
      points.push(latLng);
    });
    if (points.length) {
      map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 16 });
    }
  }

  function pickMap(element) {
    var latInput = document.getElementById(element.dataset.latInput);
    var lonInput = document.getElementById(element.dataset.lonInput);
    if (!latInput || !lonInput) return;
    var map = baseMap(element);
    var chosen = null;

    function show(latLng) {
      if (chosen) chosen.setLatLng(latLng);
      else chosen = marker(latLng).addTo(map);
    }

    function fromInputs() {
      var latLng = [
        Number(latInput.value.replace(",", ".")),
        Number(lonInput.value.replace(",", ".")),
      ];
      if (latInput.value && lonInput.value && latLng.every(isFinite)) {
        show(latLng);
        return true;
      }
      return false;
    }

    if (fromInputs()) map.setView(chosen.getLatLng(), 15);
    latInput.addEventListener("change", fromInputs);
    lonInput.addEventListener("change", fromInputs);
    map.on("click", function (event) {
      latInput.value = event.latlng.lat.toFixed(6);
      lonInput.value = event.latlng.lng.toFixed(6);
      show(event.latlng);
    });
  }

  document.querySelectorAll("[data-proposal-map]").forEach(proposalMap);
  document.querySelectorAll("[data-pick-map]").forEach(pickMap);
})();
