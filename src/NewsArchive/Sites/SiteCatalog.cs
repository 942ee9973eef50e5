using System.Collections.Immutable;
using NewsArchive.Extraction;
using NewsArchive.Sites.Cna;
using NewsArchive.Sites.Generic;
using NewsArchive.Sites.Udn;

namespace NewsArchive.Sites;

/// <summary>
/// Every site, once. The list is written out rather than found by reflection so the native (trimmed)
/// build keeps every site; a test fails when a site folder is missing from it. The formats are
/// derived from it, each site paired with each container it has tables for, and so is the directory
/// every format looks sites up in.
/// </summary>
internal static class SiteCatalog
{
    /// <summary>The sites with folders under <c>Sites/</c>, in lookup order (a host or label is the first site's that owns it).</summary>
    public static readonly ImmutableArray<Site> Sites = [CnaSite.Site, UdnSite.Site, GenericSite.Site];

    /// <summary>The sites, and the publishers the generic formats know by host and label.</summary>
    public static readonly ImmutableArray<Site> Known = KnownWith(Sites);

    /// <summary>Every known site, looked up by host, label and code.</summary>
    public static readonly SiteDirectory Directory = new(Known);

    /// <summary>The directory of <paramref name="sites"/> and of the publishers the generic formats know (<see cref="KnownWith"/>).</summary>
    public static SiteDirectory DirectoryOf(IEnumerable<Site> sites) => new(KnownWith(sites));

    /// <summary><paramref name="sites"/>, then the publishers the generic formats know; a site with a folder takes the place of a publisher with its code.</summary>
    private static ImmutableArray<Site> KnownWith(IEnumerable<Site> sites)
    {
        var list = sites.ToList();
        return [.. list, .. GenericSite.Publishers.Where(p => !list.Any(s => s.Code == p.Code))];
    }

    /// <summary>Every format, sorted by name.</summary>
    public static readonly ImmutableArray<IFormat> Formats = FormatsOf(Sites, Directory);

    /// <summary>The formats of <paramref name="sites"/>, sorted by name; <paramref name="directory"/> is what they look sites up in.</summary>
    public static ImmutableArray<IFormat> FormatsOf(IEnumerable<Site> sites, SiteDirectory directory) =>
        [.. sites.SelectMany(site => site.Formats(directory)).OrderBy(f => f.Name, StringComparer.Ordinal)];
}
