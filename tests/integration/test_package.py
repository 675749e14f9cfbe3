"""What the Extension Manager shows of the built .oxt (issue 18): a short name, French and English licences and
descriptions whose paragraphs the dialog wraps itself, no placeholder link, an icon — read from the package, then
as a French LibreOffice reads it."""
import os
import pathlib
import re
import struct
import unittest
import xml.etree.ElementTree as ET
import zipfile

import support

NS = {"d": "http://openoffice.org/extensions/description/2006", "xlink": "http://www.w3.org/1999/xlink"}
HREF = "{http://www.w3.org/1999/xlink}href"
LANGUAGES = {"fr-FR", "en-US"}
SHORT_NAME = 20  # characters: the Extension Manager's list shows about this much at its default width


def hard_breaks(text: str) -> list[str]:
    """Paragraphs (separated by blank lines) that contain a line break: the dialog would show ragged lines."""
    return [block for block in re.split(r"\n\s*\n", text.strip()) if "\n" in block.strip()]


class PackageFiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.zip = zipfile.ZipFile(support.OXT)
        cls.names = set(cls.zip.namelist())
        cls.description = ET.fromstring(cls.zip.read("description.xml"))

    @classmethod
    def tearDownClass(cls):
        cls.zip.close()

    def text(self, name: str) -> str:
        self.assertIn(name, self.names)
        return self.zip.read(name).decode("utf-8")

    def test_no_placeholder_link(self):
        raw = self.zip.read("description.xml").decode("utf-8")
        self.assertNotIn("example.", raw)
        for element in self.description.iter():
            href = element.get(HREF)
            if href is not None and not href.startswith(("http://", "https://")):
                self.assertIn(href, self.names, f"description.xml points to {href}, absent from the package")

    def test_short_display_name_in_both_languages(self):
        names = {n.get("lang"): n.text for n in self.description.findall("d:display-name/d:name", NS)}
        self.assertEqual(set(names), LANGUAGES)
        for lang, name in names.items():
            self.assertLessEqual(len(name), SHORT_NAME, f"{lang}: {name!r} is cut in the Extension Manager")

    def test_licence_in_french_and_english_without_hard_breaks(self):
        licences = {t.get("lang"): t.get(HREF)
                    for t in self.description.findall("d:registration/d:simple-license/d:license-text", NS)}
        self.assertEqual(set(licences), LANGUAGES)
        french = self.text(licences["fr-FR"])
        self.assertIn("LE LOGICIEL EST FOURNI « EN L'ÉTAT »", french)
        english = self.text(licences["en-US"])
        self.assertIn('THE SOFTWARE IS PROVIDED "AS IS"', english)
        for lang, href in licences.items():
            self.assertEqual(hard_breaks(self.text(href)), [], lang)

    def test_descriptions_without_hard_breaks(self):
        sources = {s.get("lang"): s.get(HREF) for s in self.description.findall("d:extension-description/d:src", NS)}
        self.assertEqual(set(sources), LANGUAGES)
        for lang, href in sources.items():
            self.assertEqual(hard_breaks(self.text(href)), [], lang)
        self.assertIn("CPOM_CHECK", self.text(sources["fr-FR"]))
        self.assertIn("« Extension »", self.text(sources["fr-FR"]))  # the category's name in a French office

    def test_icon_is_a_42_pixel_png(self):
        href = self.description.find("d:icon/d:default", NS).get(HREF)
        data = self.zip.read(href)
        self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", data[16:24])
        self.assertEqual((width, height), (42, 42))


class AsAFrenchOfficeShowsIt(unittest.TestCase):
    """The same facts through LibreOffice's own reading of description.xml (deployment API of the Extension
    Manager), in a French interface."""

    @classmethod
    def setUpClass(cls):
        office = support.start_office("fr-FR")
        try:
            manager = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
            repository = "shared" if os.geteuid() == 0 else "user"  # root installs --shared (tools/office.py)
            package = next(p for p in manager.getDeployedExtensions(repository, None, None)
                           if p.getIdentifier().Value == "org.cpom.calc")
            cls.name = package.getDisplayName()
            cls.description = package.getDescription()
            cls.publisher = package.getPublisherInfo()
            cls.icon = package.getIcon(False)
        finally:
            office.close()

    def test_french_texts(self):
        self.assertEqual(self.name, "CPOM Calc")
        self.assertTrue(self.description.startswith("Fonctions natives de LibreOffice Calc"), self.description)
        self.assertEqual(self.publisher.First, "Équipe cpom-calc")

    def test_no_publisher_link(self):
        self.assertEqual(self.publisher.Second, "")

    def test_icon_is_read(self):
        self.assertIsNotNone(self.icon)


if __name__ == "__main__":
    unittest.main()
