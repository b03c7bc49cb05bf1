// asm370: assembles an HLASM-style S/370 source into a flat image, a
// listing and an object deck. The interface is exact (docs/ASSEMBLER.md):
//   asm370 [-I DIR]... [-o IMAGE] [--list FILE] [--deck FILE] SOURCE
// Errors go to stderr as SOURCE:LINE: message; on any error the exit code
// is 1 and neither the image nor the deck is written.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "s370/asm/asm.h"

namespace {

int usage(const std::string& why) {
  std::cerr << "asm370: " << why << "\n"
            << "usage: asm370 [-I DIR]... [-o IMAGE] [--list FILE] [--deck FILE] SOURCE\n";
  return 1;
}

bool write_file(const std::string& path, const char* data, size_t n) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  out.write(data, static_cast<std::streamsize>(n));
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  s370::as::Options opt;
  std::string image, list, deck, source;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    auto value = [&](std::string& dst) -> bool {
      if (i + 1 >= argc) return false;
      dst = argv[++i];
      return true;
    };
    if (a == "-I") {
      std::string d;
      if (!value(d)) return usage("-I needs a directory");
      opt.include_dirs.push_back(d);
    } else if (a.size() > 2 && a.rfind("-I", 0) == 0) {
      opt.include_dirs.push_back(a.substr(2));
    } else if (a == "-o") {
      if (!value(image)) return usage("-o needs a file name");
    } else if (a == "--list") {
      if (!value(list)) return usage("--list needs a file name");
    } else if (a == "--deck") {
      if (!value(deck)) return usage("--deck needs a file name");
    } else if (a == "-h" || a == "--help") {
      std::cout << "usage: asm370 [-I DIR]... [-o IMAGE] [--list FILE] [--deck FILE] SOURCE\n";
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      return usage("unknown option " + a);
    } else if (source.empty()) {
      source = a;
    } else {
      return usage("more than one source file");
    }
  }
  if (source.empty()) return usage("no source file");
  opt.want_listing = !list.empty();
  opt.want_deck = !deck.empty();
  s370::as::Result r = s370::as::assemble_file(source, opt);
  for (const auto& d : r.diags) std::cerr << d.format() << "\n";
  // The listing is written even when there are errors: it is where they
  // are read. The image and the deck are not, and stale ones are removed so
  // that no build goes on with an old program.
  if (!list.empty() && !r.listing.empty() && !write_file(list, r.listing.data(), r.listing.size())) {
    std::cerr << "asm370: cannot write " << list << "\n";
    return 1;
  }
  if (!r.ok) {
    if (!image.empty()) std::remove(image.c_str());
    if (!deck.empty()) std::remove(deck.c_str());
    return 1;
  }
  if (!image.empty() && !write_file(image, reinterpret_cast<const char*>(r.image.data()), r.image.size())) {
    std::cerr << "asm370: cannot write " << image << "\n";
    return 1;
  }
  if (!deck.empty()) {
    std::string bytes;
    for (const auto& c : r.deck) bytes.append(reinterpret_cast<const char*>(c.data()), c.size());
    if (!write_file(deck, bytes.data(), bytes.size())) {
      std::cerr << "asm370: cannot write " << deck << "\n";
      return 1;
    }
  }
  return 0;
}
