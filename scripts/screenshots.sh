#!/usr/bin/env bash
# Screenshots of what a French accountant sees in LibreOffice's own windows (issue 18), for people to look at, not
# for CI: the licence dialog and the Extension Manager when the .oxt is opened, the Function Wizard on CPOM_PROJECT,
# the template dialog and a template opened from it. A real GUI LibreOffice 7.4 with the `gen` VCL plugin under Xvfb,
# French interface and locale, run by an ordinary user (root may only install extensions --shared).
#
# The machine has only the headless office (libreoffice-core-nogui), which conflicts with the GUI one: this script
# never installs LibreOffice packages system-wide. It fetches the GUI packages of the same version with
# `apt-get download`, unpacks them with `dpkg -x` into build/gui-office/ and runs that copy (LibreOffice is
# relocatable; what the copy lacks, e.g. the URE libraries, is linked from the system office).
#
# Usage (as root, after scripts/build.sh):   bash scripts/screenshots.sh [build/cpom-calc-X.Y.Z.oxt]
# Output: build/screenshots/*.png      Needs: xvfb xdotool imagemagick (installed when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OXT=$(realpath "${1:-$(ls build/cpom-calc-*.oxt | head -1)}")
GUI=$ROOT/build/gui-office
OFFICE=$GUI/root/usr/lib/libreoffice
OUT=$ROOT/build/screenshots
SHOT_USER=cpom-screens               # the ordinary user who installs and uses the extension
DISPLAY_NUMBER=${CPOM_SCREEN_DISPLAY:-97}
WORK=$(mktemp -d /tmp/cpom-screens.XXXXXX)
chmod 755 "$WORK"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || { echo "run as root: it creates the ordinary user $SHOT_USER and installs X tools" >&2; exit 1; }
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { apt-get install -y --no-install-recommends xvfb xdotool imagemagick xauth; break; }
done

# ---------------------------------------------------------------- a private GUI office of the system's version
unpack_gui_office() {
  [ -x "$OFFICE/program/soffice.bin" ] && [ -f "$OFFICE/program/libvclplug_genlo.so" ] && return
  local version
  version=$(dpkg-query -W -f='${Version}' libreoffice-core-nogui)
  mkdir -p "$GUI/debs" && rm -rf "$GUI/root"
  # The GUI core (with the gen plugin), Calc, shared files, French UI, icons, and the libraries the GUI core needs
  # that the headless one does not (absent from this machine).
  (cd "$GUI/debs" && apt-get download "libreoffice-core=$version" "libreoffice-calc=$version" \
     "libreoffice-common=$version" "libreoffice-l10n-fr=$version" "libreoffice-style-colibre=$version" \
     libepoxy0 libgstreamer-plugins-base1.0-0 libzxing2 liborc-0.4-0)
  for deb in "$GUI"/debs/*.deb; do dpkg -x "$deb" "$GUI/root"; done
  # What the copy lacks (URE, Python loader, types) comes from the system office of the same version.
  cp -rsn /usr/lib/libreoffice/program/. "$OFFICE/program/"
  cp -rsn /usr/lib/libreoffice/share/. "$OFFICE/share/"
  # Debian's bootstrap names /usr/lib/libreoffice and reads the configuration from /etc (postinst copies it there):
  # point both at the copy.
  sed -i "s#file:///usr/lib/libreoffice#file://$OFFICE#; s#file:///etc/libreoffice/registry#file://$OFFICE/share/.registry#g" \
    "$OFFICE/program/fundamentalrc"
  ln -sfn .registry "$OFFICE/share/registry"
}

# ---------------------------------------------------------------- user, display, office
as_user() {
  runuser -u "$SHOT_USER" -- env DISPLAY=":$DISPLAY_NUMBER" HOME="$WORK/home" SAL_USE_VCLPLUGIN=gen \
    LANG=fr_FR.UTF-8 LANGUAGE=fr LC_CTYPE=C.UTF-8 LD_LIBRARY_PATH="$GUI/root/usr/lib/x86_64-linux-gnu" "$@"
}

shot() {  # name: the whole screen, as the user sees it
  as_user import -window root "$WORK/home/$1.png"
  cp "$WORK/home/$1.png" "$OUT/$1.png"
  echo "  $OUT/$1.png"
}

wait_window() {  # title regex [seconds]: the id of a visible window with that title
  local deadline=$((SECONDS + ${2:-60})) id
  while [ $SECONDS -lt $deadline ]; do
    id=$(as_user xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -1) && [ -n "$id" ] && { echo "$id"; return; }
    sleep 1
  done
  echo "no window '$1' after ${2:-60} s" >&2
  return 1
}

keys() {  # title regex, then xdotool keys, sent to that window (no window manager: focus, not activate)
  local id
  id=$(wait_window "$1")
  shift
  as_user xdotool windowfocus --sync "$id" key --delay 150 "$@"
}

click() {  # title regex, x, y (in that window), clicks: the dialogs' keyboard order varies, positions do not
  as_user xdotool mousemove --window "$(wait_window "$1")" "$2" "$3" sleep 0.3 click --repeat "$4" --delay 150 1
}

type_text() {  # title regex, text: typed into that window's focused field
  as_user xdotool windowfocus --sync "$(wait_window "$1")" type --delay 80 "$2"
}

start_office() {  # arguments of soffice; the pid joins PIDS
  as_user "$OFFICE/program/soffice" --norestore --nologo "-env:UserInstallation=file://$WORK/profile" "$@" \
    >>"$WORK/soffice.log" 2>&1 &
  PIDS+=($!)
}

stop_office() {
  local pid
  for pid in $(pgrep -u "$SHOT_USER" -f "UserInstallation=file://$WORK/profile" || true); do kill "$pid" || true; done
  sleep 3
}

french_profile() {
  # French interface and locale (1 234,56), no first-start dialogs: what a configured French office shows.
  mkdir -p "$WORK/profile/user" "$WORK/home"
  cat >"$WORK/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>7.4</value></prop></item>
</oor:items>
XCU
  chown -R "$SHOT_USER:" "$WORK/profile" "$WORK/home"
}

demo_workbook() {
  # A small workbook made by the headless system office (the extension installed in a throwaway profile).
  /usr/bin/python3 - "$OXT" "$WORK/home/projection.ods" <<'PY'
import sys
sys.path.insert(0, "tools")
from office import Office
with Office(sys.argv[1], locale="fr-FR") as office:
    doc = office.new_spreadsheet()
    sheet = doc.Sheets.getByIndex(0)
    labels = {"A1": "Charges 2025 (€)", "A2": "Taux d'évolution", "A3": "Années", "A5": "Projection (matricielle)",
              "A7": "Année 3 seule", "A9": "Taux saisi en texte", "A10": "Résultat", "A11": "Raison (CPOM_CHECK)"}
    for address, text in labels.items():
        sheet.getCellRangeByName(address).setString(text)
    sheet.getCellRangeByName("B1").setValue(1000000)
    sheet.getCellRangeByName("B2").setValue(0.02)
    sheet.getCellRangeByName("B3").setValue(5)
    sheet.getCellRangeByName("B9").setString("deux")
    sheet.getCellRangeByName("B5:F5").setArrayFormula("=CPOM_PROJECT(B1;B2;B3)")
    sheet.getCellRangeByName("B7").setFormula("=CPOM_PROJECT(B1;B2;B3;;;;3)")
    sheet.getCellRangeByName("B10").setFormula("=CPOM_PROJECT(B1;B9;B3)")
    sheet.getCellRangeByName("B11").setFormula('=CPOM_CHECK("CPOM_PROJECT";B1;B9;B3)')
    sheet.Columns.getByIndex(0).Width = 5500
    for column in range(1, 6):
        sheet.Columns.getByIndex(column).Width = 2800
    doc.calculateAll()
    office.store(doc, sys.argv[2], "calc8")
PY
  chown "$SHOT_USER:" "$WORK/home/projection.ods"  # the user's own file: read-only would grey the wizard out
}

# ---------------------------------------------------------------- the windows
unpack_gui_office
id "$SHOT_USER" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$SHOT_USER"
mkdir -p "$OUT"
rm -f "$OUT"/*.png
cp "$OXT" "$WORK/cpom-calc.oxt" && chmod 644 "$WORK/cpom-calc.oxt"
french_profile
demo_workbook
Xvfb ":$DISPLAY_NUMBER" -screen 0 1440x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
sleep 2
echo "Screenshots:"

# 1. Installing as a user does: opening the .oxt asks for confirmation, then shows the licence.
start_office "$WORK/cpom-calc.oxt"
keys '^Avertissement$' Tab Return
wait_window '^Contrat de licence' >/dev/null && sleep 2
shot 01-licence-fr
keys '^Contrat de licence' alt+d alt+a   # « Défiler vers le bas », « Accepter »
sleep 5
keys '^LibreOffice$' ctrl+alt+e           # Outils ▸ Gestionnaire des extensions
wait_window '^Gestionnaire des extensions$' >/dev/null && sleep 3
shot 02-gestionnaire-extensions
stop_office

# 2. The Function Wizard on an ordinary cell that holds one year of CPOM_PROJECT, and the error cell.
start_office --calc "$WORK/home/projection.ods"
keys 'projection' ctrl+Home Down Down Right Right Right Right Right Right   # H3, empty
sleep 2
keys 'projection' ctrl+F2                                         # Insertion ▸ Fonction
wait_window 'Assistant' >/dev/null && sleep 3
click 'Assistant' 135 63 1                                        # « Rechercher »
type_text 'Assistant' "CPOM_PROJECT"
sleep 2
click 'Assistant' 56 155 1                                        # the first function found
sleep 2
shot 03-assistant-fonctions-liste
keys 'Assistant' Escape
sleep 1
keys 'projection' ctrl+Home Down Down Down Down Down Down Right   # B7: one year in an ordinary cell
sleep 2
keys 'projection' ctrl+F2
wait_window 'Assistant' >/dev/null && sleep 3
shot 04-assistant-fonctions-arguments
keys 'Assistant' Escape
sleep 1
keys 'projection' ctrl+Home Down Down Down Down Down Down Down Down Down Right   # B10: Err:502
sleep 2
shot 05-erreur-502-et-cpom-check
stop_office

# 3. File ▸ New ▸ Templates, then the CPOM projection template opened from it.
start_office --calc
keys 'Sans nom 1' ctrl+shift+n
wait_window '^Modèles$' >/dev/null && sleep 3
shot 06-modeles
type_text '^Modèles$' "Projection CPOM"                          # « Rechercher… » has the focus
sleep 3
shot 07-modeles-recherche
click '^Modèles$' 116 96 2                                         # double-click on the one template found
sleep 15
shot 08-modele-projection-cpom
stop_office
