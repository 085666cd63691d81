#include "reports/PdfRenderer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/I18n.h"
#include "reports/PdfWriter.h"

namespace dangbo::reports {

namespace {

using pdf::kPageH;
using pdf::kPageW;
using pdf::mm;
using pdf::PdfWriter;

// The rows of the document's tables: the length of a progress stage.
uint64_t tableRows(const Document& doc) {
  uint64_t n = 0;
  for (const auto& block : doc.blocks)
    if (const Table* t = std::get_if<Table>(&block)) n += t->rowCount();
  return n;
}

void setMetadata(cairo_surface_t* s, const Document& doc) {
  if (!doc.title.empty()) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "dangbo");
}

cairo_status_t writeToStream(void* closure, const unsigned char* data, unsigned int length) {
  auto* out = static_cast<std::ostream*>(closure);
  out->write(reinterpret_cast<const char*>(data), std::streamsize(length));
  return *out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

// The page in points: A4, turned for a landscape document.
std::pair<double, double> pageSize(const Document& doc) {
  return doc.landscape ? std::make_pair(kPageH, kPageW) : std::make_pair(kPageW, kPageH);
}

// The number of pages of the document, laid out without drawing.
using Spools = std::map<const Table*, std::unique_ptr<pdf::DenseSpool>>;

int countPages(const Document& doc, const PdfOptions& options,
               const std::shared_ptr<std::map<const Table*, PdfWriter::SourcePlan>>& plans,
               const std::shared_ptr<Spools>& spools) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4);
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> owned(surface, &cairo_surface_destroy);
  const auto [w, h] = pageSize(doc);
  PdfWriter writer(surface, options, w, h, 0);
  writer.sourcePlans_ = plans;
  writer.spools_ = spools;
  std::optional<core::ProgressStage> rows;
  if (options.progress)
    writer.rows_ = &rows.emplace(options.progress, core::tr("Laying out the pages"), tableRows(doc));
  return writer.render(doc);
}

void run(cairo_surface_t* surface, const Document& doc, const PdfOptions& options) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> owned(surface, &cairo_surface_destroy);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(cairo_surface_status(surface)));
  setMetadata(surface, doc);
  const auto plans = std::make_shared<std::map<const Table*, PdfWriter::SourcePlan>>();
  const auto spools = std::make_shared<Spools>();
  const int pages = options.pageNumbers ? countPages(doc, options, plans, spools) : 1;
  const auto [w, h] = pageSize(doc);
  {
    PdfWriter writer(surface, options, w, h, pages);
    writer.sourcePlans_ = plans;
    writer.spools_ = spools;
    std::optional<core::ProgressStage> rows;
    if (options.progress)
      writer.rows_ = &rows.emplace(options.progress, core::tr("Drawing the pages"), tableRows(doc));
    writer.render(doc);
    if (rows) rows->finish();
  }
  // The file is written out here: a full disk or a lost folder shows in the surface's status, and the
  // caller (writeAtomically) says why in Vietnamese instead of keeping a cut file.
  cairo_surface_finish(surface);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(cairo_surface_status(surface)));
}

}  // namespace

void renderPdf(const std::filesystem::path& out, const Document& doc, const PdfOptions& options) {
  // Through a stream: cairo's own file writer does not report a full disk (a cut file, and no error).
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  if (!file) throw std::runtime_error("PDF: cannot write " + out.string());
  PdfOptions beside = options;
  if (beside.spoolFolder.empty()) beside.spoolFolder = std::filesystem::absolute(out).parent_path();
  renderPdf(file, doc, beside);
  if (!file.flush()) throw std::runtime_error("PDF: cannot write " + out.string());
}

void renderChartPng(std::ostream& out, const Chart& chart, double scale) {
  const double width = kPageW - mm(45) + 16, height = 290;
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(width * scale + 0.5), int(height * scale + 0.5));
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> owned(surface, &cairo_surface_destroy);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("PNG: ") + cairo_status_to_string(cairo_surface_status(surface)));
  PdfOptions options;
  options.pageNumbers = false;
  {
    PdfWriter writer(surface, options, kPageW, kPageH, 1);
    writer.chartImage(chart, scale, width);
  }
  if (cairo_surface_write_to_png_stream(surface, &writeToStream, &out) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("PNG: cannot write");
}

void renderPdf(std::ostream& out, const Document& doc, const PdfOptions& options) {
  const auto [w, h] = pageSize(doc);
  run(cairo_pdf_surface_create_for_stream(&writeToStream, &out, w, h), doc, options);
}

}  // namespace dangbo::reports
