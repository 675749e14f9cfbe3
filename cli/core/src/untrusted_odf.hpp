// The ODF and OOXML halves of untrusted.hpp, on one XML part or one package.
#pragma once

#include <string>

#include "cpom/cli/zip_package.hpp"
#include "xml_tree.hpp"

namespace cpom::cli {

// One ODF XML part (content.xml, styles.xml, an object's content.xml, a whole .fods): returns it neutralised.
std::string neutralise_odf_xml(const std::string& text, const std::string& member, xml::Notes& notes);

void neutralise_odf_package(ZipPackage& package, xml::Notes& notes);
void neutralise_ooxml_package(ZipPackage& package, xml::Notes& notes);

}  // namespace cpom::cli
