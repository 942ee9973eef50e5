using System.Collections.Immutable;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Udn;

/// <summary>
/// The line tables of UDN's text dumps (<see cref="UdnTextProfile.Rules"/>): lines that end the page,
/// lines that end the body but not the further-reading lists after it, and lines that are never text.
/// </summary>
/// <param name="PageEnd">Lines where the page leaves the article for good.</param>
/// <param name="BodyEnd">Lines that end the body but not the further-reading lists after it.</param>
/// <param name="Noise">Lines that are never text, wherever they stand.</param>
internal sealed record UdnTextRules(ImmutableArray<EndOfPageRule> PageEnd, ImmutableArray<EndOfBodyRule> BodyEnd, ImmutableArray<DropRule> Noise);
