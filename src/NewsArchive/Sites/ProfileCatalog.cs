using System.Collections.Immutable;
using NewsArchive.Extraction;
using NewsArchive.Sites.Cna;
using NewsArchive.Sites.Generic;
using NewsArchive.Sites.Udn;

namespace NewsArchive.Sites;

/// <summary>
/// Every format profile, sorted by name. The list is written out rather than found by reflection so the
/// native (trimmed) build keeps every profile; a test fails when a profile in the library is missing here.
/// </summary>
internal static class ProfileCatalog
{
    public static readonly ImmutableArray<IFormatProfile> All =
    [
        .. new IFormatProfile[]
        {
            new CnaHtmlProfile(),
            new CnaJekyllProfile(),
            new HtmlProfile(),
            new JekyllProfile(),
            new UdnHtmlProfile(),
            new UdnTextProfile(),
        }.OrderBy(p => p.Name, StringComparer.Ordinal),
    ];
}
