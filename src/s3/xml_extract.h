#pragma once
// A purpose-built extractor for the handful of flat elements S3 responses carry
// (ListBucketResult Contents/Key/Size/ETag, NextContinuationToken, IsTruncated, UploadId,
// Error Code/Message, DeleteResult Error Key/Code).
// Why no XML library: those elements are never nested in themselves, never use CDATA or
// namespace prefixes in S3's responses, and need only entity decoding; a general parser
// (libxml2, expat) would be a new dependency and a larger attack surface for ~60 lines of need.
// Limits, on purpose: no CDATA, no comments inside the elements read, no DTDs.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orashift::s3::xml {

// Inner text (raw, still escaped) of every <tag ...>...</tag> or <tag/> in document order.
std::vector<std::string_view> elements(std::string_view doc, std::string_view tag);
// Decoded text of the first <tag>, if any.
std::optional<std::string> first_text(std::string_view doc, std::string_view tag);

std::string unescape(std::string_view s);  // &lt; &gt; &amp; &quot; &apos; &#N; &#xN;
std::string escape(std::string_view s);    // for request bodies (keys may hold & < >)

}  // namespace orashift::s3::xml
