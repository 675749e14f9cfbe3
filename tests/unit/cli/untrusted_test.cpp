// Received workbooks (cpom/cli/untrusted.hpp): the formula and link checks, and the neutralisation of packages
// written here by hand. The same vectors in real LibreOffice files: tests/integration/test_untrusted.py.
#include "cpom/cli/untrusted.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "cpom/cli/diagnosis.hpp"
#include "cpom/cli/zip_package.hpp"
#include "temp_dir.hpp"

namespace cpom::cli {
namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool has_note(const Neutralised& n, const std::string& text) {
    for (const std::string& note : n.notes)
        if (note == text) return true;
    return false;
}

TEST(UntrustedFormula, OdfExternalReferencesAndFetchingFunctions) {
    EXPECT_TRUE(odf_formula_is_external("of:=['file:///tmp/x.ods'#$Feuille1.A1]"));
    EXPECT_TRUE(odf_formula_is_external("of:='http://h/x.ods'#$Feuille1.A1*2"));
    EXPECT_TRUE(odf_formula_is_external("of:=WEBSERVICE(\"http://h\")"));
    EXPECT_TRUE(odf_formula_is_external("of:=com.microsoft.webservice (\"http://h\")"));
    EXPECT_TRUE(odf_formula_is_external("of:=FILTERXML(WEBSERVICE([.A1]);\"//a\")"));
    EXPECT_TRUE(odf_formula_is_external("of:=DDE(\"soffice\";\"file:///x.ods\";\"Feuille1.A1\")"));
    EXPECT_TRUE(odf_formula_is_external("of:=INDIRECT(\"'file:///tmp/x.ods'#$Feuille1.A2\")"));
    EXPECT_FALSE(odf_formula_is_external("of:=HYPERLINK(\"https://www.ars.sante.fr/\";\"ARS\")"));
    EXPECT_FALSE(odf_formula_is_external("of:=[$'Feuille #1'.A1]+[$'it''s'.B2]"));
    EXPECT_FALSE(odf_formula_is_external("of:=\"WEBSERVICE(\"&[.A1]&\"'x'#\""));
    EXPECT_FALSE(odf_formula_is_external("of:=MYDDE(1)+ORG.CPOM.CALC.FUNCTIONS.CPOMPROJECT([.B5];[.C8:.G8];5)"));
}

TEST(UntrustedFormula, OoxmlExternalReferences) {
    EXPECT_TRUE(ooxml_formula_is_external("[1]Feuil1!$A$1"));
    EXPECT_TRUE(ooxml_formula_is_external("SUM('[2]Feuil 1'!A1:A3)"));
    EXPECT_TRUE(ooxml_formula_is_external("'[secret.xlsx]Feuil1'!A1"));
    EXPECT_TRUE(ooxml_formula_is_external("_xlfn.WEBSERVICE(\"http://h\")"));
    EXPECT_FALSE(ooxml_formula_is_external("SUM(Tableau1[Montant])+Tableau1[[#This Row],[Col]]"));
    EXPECT_FALSE(ooxml_formula_is_external("\"[1]\"&A1"));
    EXPECT_TRUE(ooxml_formula_is_external("INDIRECT(\"'file:///tmp/x.ods'#$Feuille1.A2\")"));
    EXPECT_FALSE(ooxml_formula_is_external("SUM(A1:A3)"));
}

TEST(UntrustedTarget, OnlyPackageMembersAreInternal) {
    for (const char* inside : {"Pictures/a.png", "./Object 1", "#Feuille1.A1", "Object 1/a:b.png"})
        EXPECT_TRUE(is_internal_target(inside)) << inside;
    for (const char* outside : {"http://h/a.png", "file:///etc/passwd", "/etc/passwd", "../a.png", "Object 1/../../a",
                                "C:\\secret.png", "\\\\serveur\\partage\\a.png", "vnd.sun.star.script:S.M.m", ""})
        EXPECT_FALSE(is_internal_target(outside)) << outside;
}

// A flat ODF spreadsheet with one of each vector.
const char* const k_flat = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:x="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:scripts><office:script script:language="ooo:Basic">Sub Main</office:script>
<office:event-listeners><script:event-listener script:event-name="dom:load" xlink:href="vnd.sun.star.script:S.M.m"/>
<script:event-listener script:event-name="office:print" xlink:href="vnd.sun.star.script:S.M.m"/></office:event-listeners>
</office:scripts>
<office:body><office:spreadsheet>
<table:table table:name="Feuille1">
<table:shapes>
<draw:frame><draw:image xlink:href="http://127.0.0.1:9/a.png"/></draw:frame>
<draw:frame><draw:object xlink:href="file:///tmp/b.ods"/></draw:frame>
<draw:frame><draw:image xlink:href="Pictures/interne.png"/></draw:frame>
</table:shapes>
<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/>
<table:table-cell table:formula="of:=['file:///tmp/x.ods'#$Feuille1.A1]" office:value-type="float" office:value="11">
<text:p><text:a xlink:href="vnd.sun.star.script:S.M.m">11</text:a></text:p></table:table-cell>
<table:table-cell table:formula="of:=[.C3]*2" office:value-type="float" office:value="22"/>
<table:table-cell><text:p><text:a xlink:href="https://www.ars.sante.fr/">ARS</text:a></text:p></table:table-cell>
</table:table-row>
<table:table-row><table:table-cell><table:cell-range-source table:name="x" xlink:href="file:///tmp/y.ods"/></table:table-cell></table:table-row>
</table:table>
<table:table table:name="'file:///tmp/x.ods'#Feuille1"><table:table-source xlink:href="file:///tmp/x.ods" table:mode="copy-results-only"/>
<table:table-row><table:table-cell office:value-type="float" office:value="11"/></table:table-row></table:table>
<table:table table:name="Liée"><table:table-source xlink:href="http://127.0.0.1:9/l.ods"/></table:table>
<chart:chart xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xlink:href=".."/>
</office:spreadsheet></office:body></office:document>
)";

TEST(UntrustedPackage, FlatOdfLosesEveryLinkAndKeepsItsValues) {
    test::TempDir dir;
    const auto path = dir.file("recu.fods", k_flat);
    ASSERT_EQ(package_kind(path), PackageKind::flat_odf);
    const Neutralised n = neutralise_workbook(path);
    const std::string out = read(path);
    for (const char* gone : {"event-listener", "office:script", "Sub Main", "127.0.0.1", "file:///",
                             "vnd.sun.star.script", "cell-range-source", "table-source"})
        EXPECT_EQ(out.find(gone), std::string::npos) << gone;
    EXPECT_NE(out.find("Pictures/interne.png"), std::string::npos);
    EXPECT_NE(out.find("xlink:href=\"..\""), std::string::npos);  // a chart's link to the document holding it
    EXPECT_NE(out.find("https://www.ars.sante.fr/"), std::string::npos);
    EXPECT_NE(out.find("of:=[.C3]*2"), std::string::npos);
    EXPECT_NE(out.find("office:value=\"11\""), std::string::npos);
    EXPECT_NE(out.find("table:name=\"Liée\""), std::string::npos);  // the sheet stays, unlinked
    EXPECT_TRUE(has_note(n, "image liée non chargée : « http://127.0.0.1:9/a.png »"));
    EXPECT_TRUE(has_note(n, "objet OLE lié non chargé : « file:///tmp/b.ods »"));
    EXPECT_TRUE(has_note(n, "valeur de lien externe non mise à jour : Feuille1.C3"));  // rows 1-2 repeated, 2 cells
    EXPECT_TRUE(has_note(n, "plage liée non mise à jour : « file:///tmp/y.ods »"));
    EXPECT_TRUE(has_note(n, "feuille liée non mise à jour : « Liée » (http://127.0.0.1:9/l.ods)"));
    EXPECT_TRUE(has_note(n, "macros retirées"));
    EXPECT_TRUE(has_note(n, "2 liaisons d'événements à des macros retirées"));
    EXPECT_TRUE(has_note(n, "lien hypertexte retiré : « vnd.sun.star.script:S.M.m »"));
}

TEST(UntrustedPackage, DoctypeIsRefused) {
    test::TempDir dir;
    const auto path =
        dir.file("recu.fods", std::string("<?xml version=\"1.0\"?><!DOCTYPE office:document [<!ENTITY x "
                                          "SYSTEM \"file:///etc/passwd\">]>") +
                                  (std::string(k_flat).substr(std::string(k_flat).find("<office:document"))));
    EXPECT_THROW(neutralise_workbook(path), UntrustedError);
}

std::filesystem::path zip_with(const test::TempDir& dir, const std::string& name,
                               const std::vector<std::pair<std::string, std::string>>& members) {
    const auto path = dir.path() / name;
    ZipPackage package(path, true);
    for (const auto& [member, data] : members) package.replace(member, data);
    package.commit();
    return path;
}

TEST(UntrustedPackage, OdfPackageLosesMacrosAndItsManifestEntries) {
    test::TempDir dir;
    const std::string manifest =
        R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
        R"(<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>)"
        R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
        R"(<manifest:file-entry manifest:full-path="Basic/Standard/Module1.xml" manifest:media-type="text/xml"/>)"
        R"(<manifest:file-entry manifest:full-path="Scripts/python/x.py" manifest:media-type=""/></manifest:manifest>)";
    const std::string content = std::string(k_flat).substr(std::string(k_flat).find("<office:document"));
    const auto path = zip_with(dir, "recu.ods",
                               {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                {"content.xml", content},
                                {"Basic/Standard/Module1.xml", "<x/>"},
                                {"Scripts/python/x.py", "import os"},
                                {"META-INF/manifest.xml", manifest}});
    ASSERT_EQ(package_kind(path), PackageKind::odf);
    const Neutralised n = neutralise_workbook(path);
    EXPECT_TRUE(has_note(n, "macros retirées"));
    const ZipPackage package(path);
    EXPECT_EQ(package.names(), (std::vector<std::string>{"mimetype", "content.xml", "META-INF/manifest.xml"}));
    EXPECT_EQ(package.read("META-INF/manifest.xml").find("Basic"), std::string::npos);
    EXPECT_EQ(package.read("META-INF/manifest.xml").find("Scripts"), std::string::npos);
}

TEST(UntrustedPackage, EncryptedOdfIsReportedAsPasswordProtected) {
    test::TempDir dir;
    const auto path = zip_with(dir, "secret.ods",
                               {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                {"META-INF/manifest.xml", "<m><manifest:encryption-data/></m>"}});
    try {
        neutralise_workbook(path);
        FAIL() << "no error";
    } catch (const UntrustedError& e) {
        EXPECT_EQ(e.what(), reason::password);
    }
}

TEST(UntrustedPackage, OoxmlLosesExternalRelationshipsMacrosAndExternalFormulas) {
    test::TempDir dir;
    const std::string rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
    const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    const auto path = zip_with(
        dir, "recu.xlsx",
        {
            {"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
            {"_rels/.rels", "<Relationships xmlns=\"" + rels_ns + "\"><Relationship Id=\"rId1\" Type=\"" + type +
                                "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
            {"xl/workbook.xml",
             "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
             "xmlns:r=\"" +
                 type.substr(0, type.size() - 1) +
                 "\"><sheets><sheet name=\"Feuil1\" "
                 "sheetId=\"1\" r:id=\"rId1\"/></sheets><externalReferences><externalReference "
                 "r:id=\"rId3\"/></externalReferences></workbook>"},
            {"xl/_rels/workbook.xml.rels",
             "<Relationships xmlns=\"" + rels_ns + "\"><Relationship Id=\"rId1\" Type=\"" + type +
                 "worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship "
                 "Id=\"rId2\" Type=\"http://schemas.microsoft.com/office/2006/relationships/"
                 "vbaProject\" Target=\"vbaProject.bin\"/><Relationship Id=\"rId3\" Type=\"" +
                 type +
                 "externalLink\" Target=\"externalLinks/externalLink1.xml\"/>"
                 "</Relationships>"},
            {"xl/vbaProject.bin", "VBA"},
            {"xl/externalLinks/externalLink1.xml", "<externalLink/>"},
            {"xl/worksheets/sheet1.xml",
             "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
             "<sheetData><row r=\"1\"><c r=\"B3\"><f>[1]Feuil1!$A$1</f><v>11</v></c>"
             "<c r=\"C3\"><f>B3*2</f><v>22</v></c></row></sheetData></worksheet>"},
            {"xl/drawings/_rels/drawing1.xml.rels", "<Relationships xmlns=\"" + rels_ns +
                                                        "\"><Relationship Id=\"rId1\" "
                                                        "Type=\"" +
                                                        type +
                                                        "image\" Target=\"file:///tmp/s.svg\" "
                                                        "TargetMode=\"External\"/><Relationship Id=\"rId2\" Type=\"" +
                                                        type +
                                                        "hyperlink\" Target=\"https://www.ars.sante.fr/\" "
                                                        "TargetMode=\"External\"/></Relationships>"},
        });
    ASSERT_EQ(package_kind(path), PackageKind::ooxml);
    const Neutralised n = neutralise_workbook(path);
    EXPECT_TRUE(has_note(n, "image liée non chargée : « file:///tmp/s.svg »"));
    EXPECT_TRUE(has_note(n, "macros retirées"));
    EXPECT_TRUE(has_note(n, "valeur de lien externe non mise à jour : Feuil1.B3"));
    const ZipPackage package(path);
    EXPECT_FALSE(package.has("xl/vbaProject.bin"));
    EXPECT_FALSE(package.has("xl/externalLinks/externalLink1.xml"));
    const std::string sheet = package.read("xl/worksheets/sheet1.xml");
    EXPECT_EQ(sheet.find("[1]"), std::string::npos);
    EXPECT_NE(sheet.find("<v>11</v>"), std::string::npos);
    EXPECT_NE(sheet.find("<f>B3*2</f>"), std::string::npos);
    EXPECT_EQ(package.read("xl/workbook.xml").find("externalReference"), std::string::npos);
    const std::string drawing = package.read("xl/drawings/_rels/drawing1.xml.rels");
    EXPECT_EQ(drawing.find("file:///"), std::string::npos);
    EXPECT_NE(drawing.find("https://www.ars.sante.fr/"), std::string::npos);
}

TEST(UntrustedPackage, OtherFormatsAreNotTouched) {
    test::TempDir dir;
    const auto path = dir.file("a.xls", "\xD0\xCF\x11\xE0 not inspected");
    EXPECT_EQ(package_kind(path), PackageKind::other);
    EXPECT_TRUE(neutralise_workbook(path).notes.empty());
    EXPECT_EQ(package_kind(dir.file("tronque.ods", "PK\x03\x04 tronqué")), PackageKind::damaged);
}

}  // namespace
}  // namespace cpom::cli
